import { v4 as uuidv4 } from 'uuid';
import { cashBodyFor, money } from '../e2e/support/assets';
import { LedgerClient } from './server-process';
import { signTestToken } from './tokens';

/** The body of every command response: `{ id, revision, position, events }`. */
export interface CommandAnswer {
  id: string;
  revision: string;
  position: string;
  events: string[];
}

export type CommandKind =
  | 'openCase'
  | 'addSubject'
  | 'shareCase'
  | 'seize'
  | 'value'
  | 'transferCustody'
  | 'orderDetention'
  | 'release'
  | 'restrain';

/** Which stream family the response's `id` names: `case-{id}`, `asset-{id}`, `restraint-{id}`. */
export type StreamFamily = 'case' | 'asset' | 'restraint';

export type Outcome = 'acknowledged' | 'refused' | 'unacknowledged';

/** One command as sent (with its Idempotency-Key, which is its command id), and what came of it. */
export interface SentCommand {
  commandId: string;
  kind: CommandKind;
  family: StreamFamily;
  /** Creating commands also reserve a unique key on a stream of its own. */
  reserves: boolean;
  path: string;
  body: Record<string, unknown>;
  identity: AgencyIdentity;
  /** The load round it was first sent in. */
  round: number;
  outcome: Outcome;
  status?: number;
  answer?: CommandAnswer;
  /** Problem code of a refusal, or the transport error of an unacknowledged send. */
  detail?: string;
  /** Times it was sent again after a restart, with the same key and body. */
  retries: number;
}

export type AgencyIdentity = 'MPS' | 'CoLP';

const ROLES = ['investigator', 'court_liaison', 'supervisor'];

interface CaseEntry {
  id: string;
  agency: AgencyIdentity;
  subjectIds: string[];
}

interface AssetEntry {
  id: string;
  caseId: string;
  agency: AgencyIdentity;
  /** Free to be named in a restraint order (each asset goes into one order at most). */
  restrainable: boolean;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/**
 * A realistic mix of commands for the server crash test, sent by concurrent workers over HTTP:
 * cases opened (MPS and City of London Police), subjects added, cases shared, cash seized,
 * valued, moved, detained, released, and restraint orders made over acknowledged seizures (the
 * restraint-links reactor then writes to the assets' streams). Every command carries a fresh
 * Idempotency-Key; every send is recorded with its outcome.
 */
export class CrashLoad {
  readonly commands: SentCommand[] = [];
  /** Answers no command should get (400, 401, 403, 404, 5xx...): a failure of the test. */
  readonly unexpected: string[] = [];
  private readonly tokens: Record<AgencyIdentity, string>;
  private readonly cases: CaseEntry[] = [];
  private readonly assets: AssetEntry[] = [];
  private openingCases = 0;
  private n = 0;
  private acks = 0;
  private ackWaiters: { count: number; resolve: () => void }[] = [];
  private stopped = true;
  private workers: Promise<void>[] = [];

  constructor(private readonly tag: string) {
    const identity = (agency: AgencyIdentity) =>
      signTestToken({
        sub: `crash-${agency.toLowerCase()}`,
        agency,
        roles: ROLES,
        expiresIn: 6 * 3600,
      });
    this.tokens = { MPS: identity('MPS'), CoLP: identity('CoLP') };
  }

  /** `Authorization` for reads (the MPS officer). */
  authorization(agency: AgencyIdentity = 'MPS'): Record<string, string> {
    return { Authorization: `Bearer ${this.tokens[agency]}` };
  }

  /** Starts `concurrency` workers sending commands until `stop()`. */
  start(client: LedgerClient, concurrency: number, round: number): void {
    this.stopped = false;
    this.acks = 0;
    this.workers = Array.from({ length: concurrency }, () => this.work(client, round));
  }

  /** Resolves once `count` commands have been acknowledged since `start`. */
  acknowledged(count: number): Promise<void> {
    if (this.acks >= count) return Promise.resolve();
    return new Promise((resolve) => this.ackWaiters.push({ count, resolve }));
  }

  /** Workers send nothing new from now on; what is in flight stays in flight. */
  halt(): void {
    this.stopped = true;
  }

  /** Stops the workers and waits for the sends in flight to end (answered or failed). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers);
    this.workers = [];
  }

  byOutcome(outcome: Outcome): SentCommand[] {
    return this.commands.filter((c) => c.outcome === outcome);
  }

  /**
   * Sends every unacknowledged command again, with its Idempotency-Key and body (as a client
   * would after a failure), `concurrency` at a time. Returns the commands that were retried.
   */
  async retryUnacknowledged(client: LedgerClient, concurrency = 16): Promise<SentCommand[]> {
    const queue = this.byOutcome('unacknowledged');
    const retried = [...queue];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          c.retries += 1;
          await this.send(client, c);
        }
      }),
    );
    return retried;
  }

  private async work(client: LedgerClient, round: number): Promise<void> {
    while (!this.stopped) {
      const command = this.next(round);
      this.commands.push(command);
      await this.send(client, command);
      // The server went away unexpectedly: do not spin (the test notices it has stopped).
      if (command.outcome === 'unacknowledged' && !this.stopped)
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async send(client: LedgerClient, command: SentCommand): Promise<void> {
    let status: number;
    let body: unknown;
    try {
      ({ status, body } = await client.request(
        'POST',
        command.path,
        { ...this.authorization(command.identity), 'Idempotency-Key': command.commandId },
        command.body,
      ));
    } catch (error) {
      command.outcome = 'unacknowledged';
      command.detail = error instanceof Error ? error.message : String(error);
      if (command.kind === 'openCase' && command.retries === 0) this.openingCases -= 1;
      return;
    }
    command.status = status;
    if (command.kind === 'openCase' && command.retries === 0) this.openingCases -= 1;
    if (status === 200 || status === 201) {
      command.outcome = 'acknowledged';
      command.answer = body as CommandAnswer;
      command.detail = undefined;
      this.acks += 1;
      this.ackWaiters = this.ackWaiters.filter((w) => {
        if (this.acks < w.count) return true;
        w.resolve();
        return false;
      });
      await this.learn(client, command);
      return;
    }
    command.outcome = 'refused';
    const code = (body as { code?: unknown } | undefined)?.code;
    command.detail = typeof code === 'string' ? code : JSON.stringify(body);
    if (status !== 409 && status !== 422) {
      this.unexpected.push(
        `${command.kind} ${command.path} → ${status} ${JSON.stringify(body).slice(0, 500)}`,
      );
    }
  }

  /** Keeps the pools of acknowledged cases and assets the next commands are made from. */
  private async learn(client: LedgerClient, command: SentCommand): Promise<void> {
    const id = command.answer!.id;
    switch (command.kind) {
      case 'openCase':
        this.cases.push({ id, agency: command.identity, subjectIds: [] });
        return;
      case 'seize':
        this.assets.push({
          id,
          caseId: command.body.caseId as string,
          agency: command.identity,
          restrainable: true,
        });
        return;
      case 'addSubject': {
        // The subject id is the server's: read it back (a read; it may fail if the server dies).
        const read = await client
          .request('GET', `/cases/${id}`, this.authorization(command.identity))
          .catch(() => null);
        const entry = this.cases.find((c) => c.id === id);
        if (read?.status === 200 && entry) {
          const subjects = (read.body as { subjects?: { subjectId: string }[] }).subjects ?? [];
          entry.subjectIds = subjects.map((s) => s.subjectId);
        }
        return;
      }
      case 'release': {
        const i = this.assets.findIndex((a) => a.id === id);
        if (i >= 0) this.assets.splice(i, 1);
        return;
      }
      default:
        return;
    }
  }

  /** The next command: what makes sense with the cases and assets acknowledged so far. */
  private next(round: number): SentCommand {
    const n = ++this.n;
    const make = (
      kind: CommandKind,
      family: StreamFamily,
      path: string,
      body: Record<string, unknown>,
      identity: AgencyIdentity,
      reserves = false,
    ): SentCommand => ({
      commandId: uuidv4(),
      kind,
      family,
      reserves,
      path,
      body,
      identity,
      round,
      outcome: 'unacknowledged',
      retries: 0,
    });
    const openCase = () => {
      this.openingCases += 1;
      const agency: AgencyIdentity = n % 3 === 0 ? 'CoLP' : 'MPS';
      return make(
        'openCase',
        'case',
        '/cases',
        {
          reference: `${agency}/R1/${this.tag}/${n}`,
          title: `R1 crash test case ${n}`,
          operation: n % 2 ? 'Stimtone' : 'Crashpad',
        },
        agency,
        true,
      );
    };
    if (this.cases.length + this.openingCases < 4 || this.cases.length === 0) return openCase();

    const roll = Math.random() * 100;
    const someCase = pick(this.cases);
    const asset = this.assets.length > 0 ? pick(this.assets) : undefined;
    if (roll < 4) return openCase();
    if (roll < 9)
      return make(
        'addSubject',
        'case',
        `/cases/${someCase.id}/subjects`,
        { name: `Subject ${n}`, role: 'defendant' },
        someCase.agency,
      );
    if (roll < 11)
      return make(
        'shareCase',
        'case',
        `/cases/${someCase.id}/shares`,
        { agency: 'NCA', reason: 'Joint investigation with the NCA' },
        someCase.agency,
      );
    if (roll < 16) {
      const order = this.restraintOrder(n, make);
      if (order) return order;
    }
    if (roll < 50 || !asset) {
      const pounds = 1000 + ((n * 37) % 90_000);
      return make(
        'seize',
        'asset',
        '/assets',
        cashBodyFor(someCase.id, `R1/${n}`, {
          declared: money(`${pounds}.${String(n % 100).padStart(2, '0')}`, n % 4 ? 'EUR' : 'GBP'),
          ...(n % 4 ? {} : { fx: undefined }),
        }),
        someCase.agency,
        true,
      );
    }
    if (roll < 66)
      return make(
        'value',
        'asset',
        `/assets/${asset.id}/valuations`,
        {
          basis: 'market',
          value: money(`${500 + (n % 20_000)}.00`),
          valuedAsAt: '2026-11-28',
          valuer: 'R1 Valuers Ltd',
        },
        asset.agency,
      );
    if (roll < 84)
      return make(
        'transferCustody',
        'asset',
        `/assets/${asset.id}/custody-transfers`,
        { to: `Property store ${n % 7}`, reason: 'Moved during the R1 crash test' },
        asset.agency,
      );
    if (roll < 96)
      return make(
        'orderDetention',
        'asset',
        `/assets/${asset.id}/detentions`,
        { kind: 'initial' },
        asset.agency,
      );
    return make(
      'release',
      'asset',
      `/assets/${asset.id}/release`,
      { reason: 'no_further_action', releasedTo: 'The person it was taken from' },
      asset.agency,
    );
  }

  /** A restraint order over one or two acknowledged, still unrestrained assets of one case. */
  private restraintOrder(
    n: number,
    make: (
      kind: CommandKind,
      family: StreamFamily,
      path: string,
      body: Record<string, unknown>,
      identity: AgencyIdentity,
    ) => SentCommand,
  ): SentCommand | undefined {
    const withSubjects = this.cases.filter((c) => c.subjectIds.length > 0);
    if (withSubjects.length === 0) return undefined;
    const c = pick(withSubjects);
    const free = this.assets.filter((a) => a.caseId === c.id && a.restrainable).slice(0, 2);
    if (free.length === 0) return undefined;
    for (const a of free) a.restrainable = false;
    return make(
      'restrain',
      'restraint',
      '/restraint-orders',
      {
        caseId: c.id,
        subjectId: pick(c.subjectIds),
        orderRef: `T2026R1${n}`,
        court: 'Southwark Crown Court',
        assetIds: free.map((a) => a.id),
      },
      c.agency,
    );
  }
}

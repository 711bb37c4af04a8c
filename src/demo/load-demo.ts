import { ArgumentMetadata, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { v5 as uuidv5 } from 'uuid';
import { AppModule } from '../app.module';
import { MS_PER_HOUR } from '../common/time';
import { ledgerValidationPipe } from '../common/http/validation';
import { AppConfig } from '../config/config';
import { EventStore } from '../event-store/event-store.port';
import { openEventStore } from '../event-store/open-event-store';
import { SeizeAssetDto } from '../ledger/assets/http/asset.dto';
import { AssetService } from '../ledger/assets/http/asset.service';
import {
  ApplyForForfeitureDto,
  ForfeitAssetDto,
  GiveForfeitureNoticeDto,
  ObjectToForfeitureDto,
  RealiseAssetDto,
  ReleaseAssetDto,
} from '../ledger/assets/http/disposal.dto';
import {
  ChangeLegalBasisDto,
  OrderDetentionDto,
  TransferCustodyDto,
  ValueAssetDto,
  WithdrawValuationDto,
} from '../ledger/assets/http/holding.dto';
import { AddSubjectDto, OpenCaseDto, ShareCaseDto } from '../ledger/cases/http/case.dto';
import { CasesService } from '../ledger/cases/http/cases.service';
import { CommandOutcome } from '../ledger/command-handling/command-handler';
import { CommandEnvelope } from '../ledger/command-handling/command-metadata';
import { Role } from '../common/actor';
import { requestHash } from '../ledger/command-handling/request-hash';
import {
  MakeConfiscationOrderDto,
  ReceivePaymentDto,
} from '../ledger/confiscation/http/confiscation.dto';
import { ConfiscationService } from '../ledger/confiscation/http/confiscation.service';
import {
  AppointManagementReceiverDto,
  MakeRestraintOrderDto,
  VaryRestraintOrderDto,
} from '../ledger/restraint/http/restraint.dto';
import { RestraintService } from '../ledger/restraint/http/restraint.service';
import { ProjectionRunner } from '../projections/projection-runner';
import { ReactorRunner } from '../workflows/reactor-runner';
import { DemoPhase, Step, StepKind } from './demo-steps';
import { asStepError } from './demo-step-error';
import { DemoSummary, summariseDemo } from './demo-summary';
import { STIMTONE } from './stimtone';
import { isRef, StepValues } from './step-values';

/** Command ids of the demo derive from this namespace and the step's name: a re-run replays. */
const DEMO_NAMESPACE = '5d7c1e0a-9b43-5f26-8a1d-3c6e2f4b7a90';
const DEMO_CORRELATION_ID = 'demo-stimtone';
const DEMO_ACTOR_ID = 'demo-loader';
const DEMO_ROLES: Role[] = ['investigator', 'court_liaison', 'finance', 'supervisor'];
const WORKFLOW_TIMEOUT_MS = 30_000;

/** The role each kind of step acts in, unless the step says otherwise (docs/api.md, "Routes"). */
const DEFAULT_ROLE: Record<StepKind, Role> = {
  openCase: 'investigator',
  addSubject: 'investigator',
  shareCase: 'supervisor',
  seize: 'investigator',
  changeLegalBasis: 'investigator',
  transferCustody: 'investigator',
  orderDetention: 'investigator',
  value: 'investigator',
  withdrawValuation: 'supervisor',
  giveForfeitureNotice: 'investigator',
  objectToForfeiture: 'investigator',
  applyForForfeiture: 'court_liaison',
  forfeit: 'court_liaison',
  release: 'investigator',
  realise: 'finance',
  makeRestraintOrder: 'court_liaison',
  varyRestraintOrder: 'court_liaison',
  appointManagementReceiver: 'court_liaison',
  makeConfiscationOrder: 'court_liaison',
  receivePayment: 'finance',
};

export interface DemoProgress {
  phase: string;
  /** 1-based, of `phases`. */
  phaseNumber: number;
  phases: number;
  done: number;
  total: number;
  /** Steps of this phase the store already held (replayed, nothing written). */
  replayed: number;
  finished: boolean;
}

export interface LoadDemoOptions {
  config: AppConfig;
  /**
   * A store the caller opened; by default the one the configuration names. Either way the
   * application context owns it from then on and closes it when loading ends.
   */
  store?: EventStore;
  onProgress?: (progress: DemoProgress) => void;
  /** The data to load (default: Operation Stimtone). */
  phases?: DemoPhase[];
}

/**
 * Loads the demonstration data through the services the API's controllers call, with the same
 * validation pipe, so every rule is checked as for a request. Each step's command id (its
 * Idempotency-Key) derives from the step's name and its request hash from its body, so loading
 * again replays every step and writes nothing. The workflows (restraint links, realisation
 * payments) and the projections run in the same application context; loading waits for them.
 */
export async function loadDemo(options: LoadDemoOptions): Promise<DemoSummary> {
  const store = options.store ?? openEventStore(options.config, 'poca-ledger demo');
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(AppModule.forRoot(options.config, store), {
      logger: false,
      abortOnError: false,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  try {
    return await new DemoLoader(app, store, options).run();
  } finally {
    await app.close();
  }
}

class DemoLoader {
  private readonly cases: CasesService;
  private readonly assets: AssetService;
  private readonly restraint: RestraintService;
  private readonly confiscation: ConfiscationService;
  private readonly pipe = ledgerValidationPipe();
  /** Step keys → the agency that leads the case or recorded the asset. */
  private readonly agencies = new Map<string, string>();
  /** Relative times count from the hour the loading started in. */
  private readonly values = new StepValues(Math.floor(Date.now() / MS_PER_HOUR) * MS_PER_HOUR);
  private readonly ids = this.values.ids;
  private readonly phases: DemoPhase[];
  private stepsReplayed = 0;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly store: EventStore,
    private readonly options: LoadDemoOptions,
  ) {
    this.cases = app.get(CasesService);
    this.assets = app.get(AssetService);
    this.restraint = app.get(RestraintService);
    this.confiscation = app.get(ConfiscationService);
    this.phases = options.phases ?? STIMTONE;
  }

  async run(): Promise<DemoSummary> {
    const before = await headPosition(this.store);
    const seen = new Map<string, number>();
    let steps = 0;
    for (const [i, phase] of this.phases.entries()) {
      const progress: DemoProgress = {
        phase: phase.name,
        phaseNumber: i + 1,
        phases: this.phases.length,
        done: 0,
        total: phase.steps.length,
        replayed: 0,
        finished: false,
      };
      this.options.onProgress?.({ ...progress });
      for (const step of phase.steps) {
        const base = `${step.kind} ${step.target ?? step.key ?? ''}`.trim();
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        const replayed = await this.runStep(step, `${base} #${n}`);
        progress.done += 1;
        if (replayed) progress.replayed += 1;
        this.options.onProgress?.({ ...progress });
      }
      steps += phase.steps.length;
      // Restraint links and realisation payments follow from the orders: let them land first.
      await this.settleWorkflows();
      this.options.onProgress?.({ ...progress, finished: true });
    }
    await this.settleProjections();
    const eventsWritten = await countEventsAfter(this.store, before);
    return summariseDemo(
      {
        cases: this.cases,
        assets: this.assets,
        restraint: this.restraint,
        confiscation: this.confiscation,
      },
      this.ids,
      { steps, stepsReplayed: this.stepsReplayed, eventsWritten },
    );
  }

  /** Runs one step; true when the store already held it (replayed, nothing written). */
  private async runStep(step: Step, name: string): Promise<boolean> {
    try {
      const agency = this.agencyOf(step);
      const body = this.values.resolve(step.body, name, (marker) =>
        this.values.concrete(marker, name),
      );
      const hashed = this.values.resolve(step.body, name, (marker) =>
        this.values.symbolic(marker, name),
      );
      const envelope = this.envelope(name, agency, step.role ?? DEFAULT_ROLE[step.kind], hashed);
      const outcome = await this.dispatch(step, body, envelope, name);
      await this.remember(step, body, outcome, agency);
      if (outcome.replayed) this.stepsReplayed += 1;
      return outcome.replayed;
    } catch (error) {
      throw asStepError(name, error);
    }
  }

  private envelope(name: string, agency: string, role: Role, body: unknown): CommandEnvelope {
    const commandId = uuidv5(`stimtone|${name}`, DEMO_NAMESPACE);
    return {
      commandId,
      correlationId: DEMO_CORRELATION_ID,
      causationId: commandId,
      actor: { id: DEMO_ACTOR_ID, agency, roles: DEMO_ROLES },
      role,
      now: new Date().toISOString(),
      idempotency: { key: commandId, requestHash: requestHash('DEMO', name, body) },
    };
  }

  private async dispatch(
    step: Step,
    body: unknown,
    envelope: CommandEnvelope,
    name: string,
  ): Promise<CommandOutcome> {
    const target = () => this.values.idOf(step.target, name);
    switch (step.kind) {
      case 'openCase':
        return this.cases.open(await this.dto(OpenCaseDto, body), envelope);
      case 'addSubject':
        return this.cases.addSubject(target(), await this.dto(AddSubjectDto, body), envelope);
      case 'shareCase':
        return this.cases.share(target(), await this.dto(ShareCaseDto, body), envelope);
      case 'seize':
        return this.assets.seize(await this.dto(SeizeAssetDto, body), envelope);
      case 'changeLegalBasis':
        return this.assets.changeLegalBasis(
          target(),
          await this.dto(ChangeLegalBasisDto, body),
          envelope,
        );
      case 'transferCustody':
        return this.assets.transferCustody(
          target(),
          await this.dto(TransferCustodyDto, body),
          envelope,
        );
      case 'orderDetention':
        return this.assets.orderDetention(
          target(),
          await this.dto(OrderDetentionDto, body),
          envelope,
        );
      case 'value':
        return this.assets.value(target(), await this.dto(ValueAssetDto, body), envelope);
      case 'withdrawValuation':
        return this.assets.withdrawValuation(
          target(),
          this.values.idOf(step.valuation, name),
          await this.dto(WithdrawValuationDto, body),
          envelope,
        );
      case 'giveForfeitureNotice':
        return this.assets.giveForfeitureNotice(
          target(),
          await this.dto(GiveForfeitureNoticeDto, body),
          envelope,
        );
      case 'objectToForfeiture':
        return this.assets.objectToForfeiture(
          target(),
          await this.dto(ObjectToForfeitureDto, body),
          envelope,
        );
      case 'applyForForfeiture':
        return this.assets.applyForForfeiture(
          target(),
          await this.dto(ApplyForForfeitureDto, body),
          envelope,
        );
      case 'forfeit':
        return this.assets.forfeit(target(), await this.dto(ForfeitAssetDto, body), envelope);
      case 'release':
        return this.assets.release(target(), await this.dto(ReleaseAssetDto, body), envelope);
      case 'realise':
        return this.assets.realise(target(), await this.dto(RealiseAssetDto, body), envelope);
      case 'makeRestraintOrder':
        return this.restraint.make(await this.dto(MakeRestraintOrderDto, body), envelope);
      case 'varyRestraintOrder':
        return this.restraint.vary(target(), await this.dto(VaryRestraintOrderDto, body), envelope);
      case 'appointManagementReceiver':
        return this.restraint.appointReceiver(
          target(),
          await this.dto(AppointManagementReceiverDto, body),
          envelope,
        );
      case 'makeConfiscationOrder':
        return this.confiscation.make(await this.dto(MakeConfiscationOrderDto, body), envelope);
      case 'receivePayment':
        return this.confiscation.receivePayment(
          target(),
          await this.dto(ReceivePaymentDto, body),
          envelope,
        );
      default: {
        const unknown: never = step;
        throw new Error(`Unknown step ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The body as the API's validation pipe makes it: whitelisted, validated, a DTO instance. */
  private async dto<T>(metatype: Type<T>, body: unknown): Promise<T> {
    const metadata: ArgumentMetadata = { type: 'body', metatype, data: undefined };
    return (await this.pipe.transform(body, metadata)) as T;
  }

  /** Keeps the ids (and agencies) later steps refer to. */
  private async remember(
    step: Step,
    body: unknown,
    outcome: CommandOutcome,
    agency: string,
  ): Promise<void> {
    if (!step.key) return;
    switch (step.kind) {
      case 'addSubject': {
        const subjectName = (body as { name: string }).name;
        const found = await this.cases.get(outcome.id);
        const subjectId = Object.entries(found?.state.subjects ?? {}).find(
          ([, s]) => s.name === subjectName,
        )?.[0];
        if (!subjectId) throw new Error(`subject ${subjectName} not found on the case`);
        this.ids.set(step.key, subjectId);
        return;
      }
      case 'value': {
        const v = body as { basis: string; valuer: string; valuedAsAt: string; notes?: string };
        const found = await this.assets.get(outcome.id);
        const valuation = found?.state.valuations.find(
          (x) =>
            x.basis === v.basis &&
            x.valuer === v.valuer &&
            x.valuedAsAt === v.valuedAsAt &&
            x.notes === v.notes,
        );
        if (!valuation) throw new Error(`valuation ${step.key} not found on the asset`);
        this.ids.set(step.key, valuation.valuationId);
        return;
      }
      default:
        this.ids.set(step.key, outcome.id);
        this.agencies.set(step.key, agency);
    }
  }

  /** The acting agency: given, else the one leading the case or holding the thing acted on. */
  private agencyOf(step: Step): string {
    if (step.agency) return step.agency;
    const caseId = (step.body as { caseId?: unknown }).caseId;
    const key = step.target ?? (isRef(caseId) ? caseId.$ref : undefined);
    const agency = key === undefined ? undefined : this.agencies.get(key);
    if (!agency) throw new Error('no agency: name one, or act on a case or asset loaded before');
    return agency;
  }

  /** Until the workflows have handled everything written so far (and what they wrote). */
  private async settleWorkflows(): Promise<void> {
    const runner = this.app.get(ReactorRunner);
    for (;;) {
      const head = await headPosition(this.store);
      if (head === undefined) return;
      const reached = await Promise.race([
        runner.waitFor(head).then(() => true),
        delay(WORKFLOW_TIMEOUT_MS).then(() => false),
      ]);
      if (!reached) throw new Error('the workflows did not catch up within 30 seconds');
      if ((await headPosition(this.store)) === head) return;
    }
  }

  /** The read models (register, deadlines, ...) catch up too, so the server starts current. */
  private async settleProjections(): Promise<void> {
    const head = await headPosition(this.store);
    if (head === undefined) return;
    const runner = this.app.get(ProjectionRunner, { strict: false });
    await runner.waitFor(head, WORKFLOW_TIMEOUT_MS);
  }
}

/** The position of the last event in the log, if any. */
async function headPosition(store: EventStore): Promise<bigint | undefined> {
  for await (const event of store.readAll({
    fromPosition: 'end',
    direction: 'backwards',
    maxCount: 1,
  })) {
    return event.position;
  }
  return undefined;
}

/** Events appended after `position` (all of them when undefined). */
async function countEventsAfter(store: EventStore, position: bigint | undefined): Promise<number> {
  let count = 0;
  for await (const event of store.readAll({ fromPosition: position ?? 'start' })) {
    if (position === undefined || event.position > position) count += 1;
  }
  return count;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

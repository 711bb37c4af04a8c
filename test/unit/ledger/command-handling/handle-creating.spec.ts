import { v4 as uuidv4 } from 'uuid';
import { DomainError } from '@src/common/domain-error';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { caseAggregate } from '@src/ledger/cases/case.aggregate';
import { CaseCommand } from '@src/ledger/cases/case.commands';
import { CaseState } from '@src/ledger/cases/case.decider';
import { CaseEvent } from '@src/ledger/cases/case.events';
import { CommandHandler } from '@src/ledger/command-handling/command-handler';
import { Aggregate } from '@src/ledger/decider';
import { CommandEnvelope, newEnvelope } from '@src/ledger/command-handling/command-metadata';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { collect } from '../../../support/async';
import { makeTempDir } from '../../../support/temp-dir';

const now = '2026-11-27T12:00:00.000Z';
const envelope = (): CommandEnvelope =>
  newEnvelope({ id: 'officer-7', agency: 'MPS', roles: ['investigator'] }, 'investigator', now);
const open = (caseId: string): CaseCommand => ({
  type: 'OpenCase',
  now,
  data: { caseId, reference: `R/${caseId}`, title: 'T', leadAgency: 'MPS', jurisdiction: 'E&W' },
});

/** The case aggregate, counting its decisions. */
function counted(): {
  aggregate: Aggregate<CaseCommand, CaseEvent, CaseState>;
  decides: () => number;
} {
  let decides = 0;
  const { decider } = caseAggregate;
  return {
    aggregate: {
      ...caseAggregate,
      decider: {
        ...decider,
        decide: (command, state) => {
          decides++;
          return decider.decide(command, state);
        },
      },
    },
    decides: () => decides,
  };
}

describe('handleCreating with the events already decided (a new id)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = makeTempDir();
    store = SqliteEventStore.open({ dataDir: dir.path });
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('appends them as they are: the command is decided once, and the stream is not read first', async () => {
    const handler = new CommandHandler(store, ledgerUpcasters());
    const { aggregate, decides } = counted();
    const id = uuidv4();
    const reads = jest.spyOn(store, 'readStream');
    const outcome = await handler.handleCreating(aggregate, envelope(), () => {
      const decided = handler.assertAccepted(aggregate, open(id));
      return Promise.resolve({ id, command: open(id), decided });
    });
    expect(outcome).toMatchObject({ id, revision: 0n, events: ['CaseOpened'], created: true });
    expect(decides()).toBe(1);
    expect(reads).not.toHaveBeenCalled();
    const [event] = await collect(store.readStream(`case-${id}`));
    expect(event).toMatchObject({ type: 'CaseOpened', data: { caseId: id, reference: `R/${id}` } });
    // Kept as a snapshot, as after any command: the next one reads nothing it has not seen.
    const next = await handler.loadState(caseAggregate, id);
    expect(next).toMatchObject({ revision: 0n, state: { exists: true, caseId: id } });
  });

  it('if the stream exists after all, the append fails and the command is read, scoped and decided as usual', async () => {
    const checked: (string | undefined)[] = [];
    const handler = new CommandHandler(store, ledgerUpcasters(), {
      canWrite: (_actor, caseId) => {
        checked.push(caseId);
        return Promise.resolve(true);
      },
    });
    const id = uuidv4();
    await handler.handle(caseAggregate, id, open(id), envelope());
    const { aggregate, decides } = counted();
    const attempt = handler.handleCreating(aggregate, envelope(), () => {
      const decided = handler.assertAccepted(aggregate, open(id));
      return Promise.resolve({ id, command: open(id), decided });
    });
    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'already_exists' });
    expect(decides()).toBe(2);
    expect(checked).toEqual([id]);
    expect(await collect(store.readStream(`case-${id}`))).toHaveLength(1);
  });
});

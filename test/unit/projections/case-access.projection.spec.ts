import { AccessScope, EVERY_CASE } from '@src/auth/access-scope';
import {
  CASE_ACCESS,
  CaseAccessProjection,
  caseAccessRevision,
  CaseAccessRow,
} from '@src/projections/case-access/case-access.projection';
import { caseScope, scopeClause } from '@src/projections/case-access/case-access.scope';
import { ProjectedEvent } from '@src/projections/projection';
import { tableNames } from '@src/projections/projection-catalog';
import { SqliteReadModelDb } from '@src/projections/read-model-db';
import { LedgerSnapshot } from '@src/reports/reconciliation/reconciliation.loader';
import { scopeLedger } from '@src/reports/reconciliation/reconciliation.scope';
import { initialAssetState } from '@src/ledger/assets/asset.state';
import { ConfiscationEvent } from '@src/ledger/confiscation/confiscation.events';
import { makeTempDir } from '../../support/temp-dir';

const t = tableNames(1);
const NCA: AccessScope = { all: false, agency: 'NCA' };
const MPS: AccessScope = { all: false, agency: 'MPS' };

describe('case-access projection (given events → rows)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: SqliteReadModelDb;
  let projection: CaseAccessProjection;
  let position = 0n;

  beforeEach(() => {
    dir = makeTempDir('poca-case-access-');
    db = new SqliteReadModelDb(dir.path);
    projection = new CaseAccessProjection();
    db.transaction(() => projection.createTables(db, t));
    position = 0n;
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  const event = (caseId: string, type: string, data: object): ProjectedEvent => {
    position += 1n;
    return {
      type,
      data: data as ProjectedEvent['data'],
      metadata: {},
      streamId: `case-${caseId}`,
      revision: 0n,
      position,
      recordedAt: '2026-11-29T10:00:00.000Z',
    };
  };
  const apply = (...events: ProjectedEvent[]) =>
    db.transaction(() => events.forEach((e) => projection.apply(db, t, e)));
  const opened = (caseId: string, leadAgency: string) =>
    event(caseId, 'CaseOpened', {
      caseId,
      reference: `${leadAgency}/${caseId}`,
      title: 'A case',
      leadAgency,
      jurisdiction: 'E&W',
      occurredAt: '2026-11-27T09:00:00Z',
    });
  const shared = (caseId: string, agency: string) =>
    event(caseId, 'CaseShared', { agency, reason: 'Joint', occurredAt: '2026-11-28T09:00:00Z' });
  const revoked = (caseId: string, agency: string) =>
    event(caseId, 'CaseSharingRevoked', {
      agency,
      reason: 'Concluded',
      occurredAt: '2026-11-29T09:00:00Z',
    });
  const rows = () =>
    db.all<CaseAccessRow>(
      `SELECT case_id, agency, lead FROM ${t('case_access')} ORDER BY case_id, agency`,
    );

  it('CaseOpened: the lead agency reads its case', () => {
    apply(opened('c-1', 'MPS'), opened('c-2', 'NCA'));
    expect(rows()).toEqual([
      { case_id: 'c-1', agency: 'MPS', lead: 1 },
      { case_id: 'c-2', agency: 'NCA', lead: 1 },
    ]);
  });

  it('CaseShared adds the agency; CaseSharingRevoked deletes its row', () => {
    apply(opened('c-1', 'MPS'), shared('c-1', 'NCA'), shared('c-1', 'CoLP'));
    expect(rows()).toEqual([
      { case_id: 'c-1', agency: 'CoLP', lead: 0 },
      { case_id: 'c-1', agency: 'MPS', lead: 1 },
      { case_id: 'c-1', agency: 'NCA', lead: 0 },
    ]);
    apply(revoked('c-1', 'NCA'));
    expect(rows()).toEqual([
      { case_id: 'c-1', agency: 'CoLP', lead: 0 },
      { case_id: 'c-1', agency: 'MPS', lead: 1 },
    ]);
    apply(shared('c-1', 'NCA'));
    expect(rows().map((r) => r.agency)).toEqual(['CoLP', 'MPS', 'NCA']);
  });

  it('never takes a case from its lead agency, and ignores other case events', () => {
    apply(
      opened('c-1', 'MPS'),
      shared('c-1', 'MPS'), // the decider refuses this; the projection must not be hurt by it
      revoked('c-1', 'MPS'),
      event('c-1', 'SubjectAdded', { subjectId: 's-1', name: 'A', role: 'suspect' }),
      event('c-1', 'CaseClosed', { reason: 'Done', occurredAt: '2026-11-30T09:00:00Z' }),
    );
    expect(rows()).toEqual([{ case_id: 'c-1', agency: 'MPS', lead: 1 }]);
  });

  it('counts the changes (for memoised scoped answers); other events do not count', () => {
    expect(caseAccessRevision(db, t)).toBe(0);
    apply(opened('c-1', 'MPS'), shared('c-1', 'NCA'));
    expect(caseAccessRevision(db, t)).toBe(2);
    apply(event('c-1', 'SubjectAdded', { subjectId: 's-1', name: 'A', role: 'suspect' }));
    expect(caseAccessRevision(db, t)).toBe(2);
    apply(revoked('c-1', 'NCA'));
    expect(caseAccessRevision(db, t)).toBe(3);
  });

  it('same events, same rows: one at a time or in one batch, and after dropping the tables', () => {
    const events = [
      opened('c-1', 'MPS'),
      opened('c-2', 'NCA'),
      shared('c-1', 'NCA'),
      shared('c-2', 'MPS'),
      revoked('c-1', 'NCA'),
      shared('c-1', 'CoLP'),
    ];
    const dump = () =>
      JSON.stringify([rows(), db.all(`SELECT * FROM ${t('case_access_meta')} ORDER BY name`)]);
    apply(...events);
    const once = dump();
    projection.tables.forEach((table) => db.exec(`DROP TABLE ${t(table)}`));
    projection.createTables(db, t);
    events.forEach((e) => apply(e));
    expect(dump()).toBe(once);
  });

  describe('scopeClause: the cases a scope may read, as SQL', () => {
    beforeEach(() => {
      apply(opened('c-1', 'MPS'), opened('c-2', 'NCA'), opened('c-3', 'MPS'), shared('c-3', 'NCA'));
      db.exec(`CREATE TABLE items (item_id TEXT PRIMARY KEY, case_id TEXT NOT NULL)`);
      for (const [item, caseId] of [
        ['i-1', 'c-1'],
        ['i-2', 'c-2'],
        ['i-3', 'c-3'],
        ['i-4', 'c-unknown'],
      ]) {
        db.run('INSERT INTO items (item_id, case_id) VALUES (?, ?)', item, caseId);
      }
    });
    const visible = (scope: AccessScope) => {
      const clause = scopeClause(scope, 'i.case_id', t('case_access'));
      return db
        .all<{ item_id: string }>(
          `SELECT i.item_id FROM items i ${clause ? `WHERE ${clause.sql}` : ''} ORDER BY i.item_id`,
          ...(clause?.params ?? []),
        )
        .map((r) => r.item_id);
    };

    it('nothing to add for every case (auditors)', () => {
      expect(scopeClause(EVERY_CASE, 'case_id', t('case_access'))).toBeUndefined();
      expect(visible(EVERY_CASE)).toEqual(['i-1', 'i-2', 'i-3', 'i-4']);
    });

    it('an agency: its own cases and those shared with it, nothing of unknown cases', () => {
      expect(scopeClause(NCA, 'case_id', 'case_access_g1')).toEqual({
        sql: 'case_id IN (SELECT case_id FROM case_access_g1 WHERE agency = ?)',
        params: ['NCA'],
      });
      expect(visible(NCA)).toEqual(['i-2', 'i-3']);
      expect(visible(MPS)).toEqual(['i-1', 'i-3']);
      expect(visible({ all: false, agency: 'CoLP' })).toEqual([]);
      apply(revoked('c-3', 'NCA'));
      expect(visible(NCA)).toEqual(['i-2']);
    });

    it('refuses anything but an identifier where a column or table goes', () => {
      expect(() => scopeClause(NCA, 'case_id) OR (1=1', 'case_access_g1')).toThrow(
        /bad identifier/,
      );
      expect(() => scopeClause(NCA, 'case_id', 'case_access_g1 x; DROP')).toThrow(/bad identifier/);
    });

    it('caseScope: against the live generation, which is only looked up for a restricted scope', () => {
      const asked: string[] = [];
      const runner = {
        tables: (name: string) => {
          asked.push(name);
          return tableNames(3);
        },
      };
      expect(caseScope(runner, EVERY_CASE, 'case_id')).toBeUndefined();
      expect(asked).toEqual([]);
      expect(caseScope(runner, MPS, 'case_id')?.sql).toBe(
        'case_id IN (SELECT case_id FROM case_access_g3 WHERE agency = ?)',
      );
      expect(asked).toEqual([CASE_ACCESS]);
    });
  });
});

describe('scopeLedger (the reconciliation, from the log)', () => {
  const made = (caseId: string) =>
    ({ type: 'ConfiscationOrderMade', data: { caseId } }) as unknown as ConfiscationEvent;
  const info = (caseId: string, agency: string) => ({
    caseId,
    reference: caseId,
    operation: null,
    agency,
  });
  const ledger: LedgerSnapshot = {
    cases: new Map([
      ['c-1', info('c-1', 'MPS')],
      ['c-2', info('c-2', 'NCA')],
      ['c-3', info('c-3', 'MPS')],
    ]),
    access: new Map([
      ['c-1', { leadAgency: 'MPS', sharedWith: [] }],
      ['c-2', { leadAgency: 'NCA', sharedWith: [] }],
      ['c-3', { leadAgency: 'MPS', sharedWith: ['NCA'] }],
    ]),
    orders: [
      { confiscationOrderId: 'o-1', events: [made('c-1')] },
      { confiscationOrderId: 'o-2', events: [made('c-2')] },
      { confiscationOrderId: 'o-3', events: [made('c-3')] },
      { confiscationOrderId: 'o-4', events: [] }, // never made: no case, so nobody's
    ],
    assets: [
      { assetId: 'a-1', state: { ...initialAssetState, caseId: 'c-1' } },
      { assetId: 'a-2', state: { ...initialAssetState, caseId: 'c-2' } },
      { assetId: 'a-3', state: { ...initialAssetState, caseId: 'c-3' } },
    ],
    position: 42n,
  };

  it('every case for an unrestricted scope', () => {
    expect(scopeLedger(ledger, EVERY_CASE)).toBe(ledger);
  });

  it('an agency: the cases it leads or that are shared with it, and only their orders and assets', () => {
    const nca = scopeLedger(ledger, NCA);
    expect([...nca.cases.keys()]).toEqual(['c-2', 'c-3']);
    expect(nca.orders.map((o) => o.confiscationOrderId)).toEqual(['o-2', 'o-3']);
    expect(nca.assets.map((a) => a.assetId)).toEqual(['a-2', 'a-3']);
    expect(nca.position).toBe(42n);
    const mps = scopeLedger(ledger, MPS);
    expect(mps.orders.map((o) => o.confiscationOrderId)).toEqual(['o-1', 'o-3']);
    expect(scopeLedger(ledger, { all: false, agency: 'CoLP' }).assets).toEqual([]);
  });
});

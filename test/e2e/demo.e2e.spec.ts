import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '@src/app.module';
import { Money } from '@src/common/money';
import { AppConfig, loadConfig } from '@src/config/config';
import { demo, resetDataDir } from '@src/demo/demo-command';
import { loadDemo } from '@src/demo/load-demo';
import { DemoSummary } from '@src/demo/demo-summary';
import { RecordedEvent, StoreLockedError } from '@src/event-store/event-store.port';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { AssetService } from '@src/ledger/assets/http/asset.service';
import { AssetState } from '@src/ledger/assets/asset.decider';
import { ConfiscationService } from '@src/ledger/confiscation/http/confiscation.service';
import { collect } from '../support/async';
import { makeTempDir } from '../support/temp-dir';

const HOUR = 3_600_000;

/** Collects what a command writes, for assertions on its output. */
function sink() {
  const lines: string[] = [];
  return { lines, write: (chunk: string | Uint8Array) => (lines.push(String(chunk)), true) };
}

describe('the demonstration data: Operation Stimtone', () => {
  const dir = makeTempDir('poca-demo-');
  const config: AppConfig = loadConfig({ LEDGER_DATA_DIR: dir.path, NODE_ENV: 'test' });
  let first: DemoSummary;
  let events: RecordedEvent[];
  let assets: AssetState[];
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    first = await loadDemo({ config });
    // Read it back independently: the log, and the assets as the API's services see them.
    const store = SqliteEventStore.open({ dataDir: dir.path });
    events = await collect(store.readAll());
    app = await NestFactory.createApplicationContext(AppModule.forRoot(config, store), {
      logger: false,
    });
    const service = app.get(AssetService);
    const ids = events.filter((e) => e.type === 'AssetSeized').map((e) => e.data.assetId as string);
    assets = await Promise.all(ids.map(async (id) => (await service.get(id))?.state as AssetState));
  });

  const closeApp = async () => {
    await app?.close();
    app = undefined;
  };

  afterAll(async () => {
    await closeApp();
    dir.remove();
  });

  const ofType = (type: string) => events.filter((e) => e.type === type);

  it('has 10+ cases of the operation across the MPS, CoLP and NCA, one shared, and 40+ seizures', () => {
    const cases = ofType('CaseOpened');
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases.every((e) => e.data.operation === 'Stimtone')).toBe(true);
    expect(new Set(cases.map((e) => e.data.leadAgency))).toEqual(new Set(['MPS', 'CoLP', 'NCA']));
    expect(ofType('CaseShared').length).toBeGreaterThanOrEqual(1);
    expect(assets.length).toBeGreaterThanOrEqual(40);
    expect(first).toMatchObject({ cases: cases.length, assets: assets.length });
  });

  it('seized property is worth over £1.5m, and the summary says the same', () => {
    const total = assets
      .filter((a) => a.currentValue)
      .reduce((sum, a) => sum.plus(Money.parse(a.currentValue!.gbpValue)), Money.zero('GBP'));
    expect(total.gte(Money.gbp('1500000.00'))).toBe(true);
    expect(first.totalSeizedGbp).toBe(total.toJSON().amount);
  });

  it('covers every kind of property and power, with one confidential source', () => {
    const kinds = new Set(assets.map((a) => a.category));
    for (const k of ['cash', 'watch', 'jewellery', 'vehicle', 'vessel', 'cryptoasset']) {
      expect(kinds).toContain(k);
    }
    expect(kinds).toContain('bank_account');
    const powers = new Set(ofType('AssetSeized').map((e) => e.data.power));
    for (const p of ['POCA_S294_CASH', 'POCA_S303J_LISTED', 'POCA_S303Z1_AFO', 'POCA_S47C']) {
      expect(powers).toContain(p);
    }
    expect(powers).toContain('POCA_S303Z29_CRYPTO');
    expect(ofType('LegalBasisChanged').some((e) => e.data.from === 'PACE_S19')).toBe(true);
    const euroCash = assets.find(
      (a) => a.category === 'cash' && a.fx.some((r) => r.currency === 'EUR'),
    );
    expect(euroCash?.declaredGbp).toBeDefined();
    const yacht = assets.find((a) => a.category === 'vessel');
    expect(yacht?.valuations[0]?.value).toMatchObject({ currency: 'EUR' });
    const bitcoin = assets.find((a) => a.fx.some((r) => r.currency === 'BTC'));
    expect(bitcoin?.currentValue?.gbpValue).toBeDefined();
    const confidential = ofType('AssetSeized').filter(
      (e) => (e.data.intelligence as { confidential?: boolean } | undefined)?.confidential,
    );
    expect(confidential).toHaveLength(1);
  });

  it('has detention orders (initial and extension), one running out within 48 hours of now', () => {
    const kinds = ofType('DetentionOrdered').map((e) => e.data.kind);
    expect(kinds).toContain('initial');
    expect(kinds).toContain('extension');
    const now = Date.now();
    const soon = assets.filter((a) => {
      const expires = a.detention ? Date.parse(a.detention.expiresAt) : NaN;
      return a.status === 'detained' && expires > now && expires <= now + 48 * HOUR;
    });
    expect(soon.length).toBeGreaterThanOrEqual(1);
    expect(first.detentionsExpiringSoon.map((d) => d.exhibitRef)).toEqual(
      soon.map((a) => a.exhibitRef),
    );
  });

  it('has a restraint order (linked to its assets), a confiscation order with a payment, a forfeiture', async () => {
    expect(ofType('RestraintOrderMade').length).toBeGreaterThanOrEqual(1);
    expect(assets.some((a) => a.restrainedBy.length > 0 && a.status !== 'realised')).toBe(true);

    const [order] = ofType('ConfiscationOrderMade');
    expect((order.data.instalments as unknown[]).length).toBeGreaterThan(1);
    const view = await app!
      .get(ConfiscationService)
      .position(order.data.confiscationOrderId as string);
    expect(view?.payments.length).toBeGreaterThanOrEqual(1);
    // One of them came from the realisation workflow (the vehicle sold towards the order).
    expect(view?.payments.map((p) => p.method)).toEqual(
      expect.arrayContaining(['voluntary', 'asset_realisation']),
    );

    const forfeited = assets.filter((a) => a.status === 'forfeited');
    expect(forfeited.length).toBeGreaterThanOrEqual(1);
    expect(forfeited.map((a) => a.forfeiture.forfeited?.route)).toEqual(
      expect.arrayContaining(['cash_s298', 'notice_s297A']),
    );
  });

  it('loads again without writing anything', async () => {
    await closeApp();
    const second = await loadDemo({ config });
    expect(second).toMatchObject({ eventsWritten: 0, alreadyLoaded: true });
    expect(second.stepsReplayed).toBe(second.steps);
    expect({ ...second, eventsWritten: 0, stepsReplayed: 0, alreadyLoaded: false }).toEqual({
      ...first,
      eventsWritten: 0,
      stepsReplayed: 0,
      alreadyLoaded: false,
    });
    const store = SqliteEventStore.open({ dataDir: dir.path });
    try {
      expect((await collect(store.readAll())).length).toBe(events.length);
    } finally {
      await store.close();
    }
  });

  it('refuses while a server holds the data directory, and says to stop it first', async () => {
    const server = SqliteEventStore.open({ dataDir: dir.path, command: 'poca-ledger serve' });
    try {
      const out = sink();
      const run = demo(config, { reset: false }, out, sink());
      await expect(run).rejects.toBeInstanceOf(StoreLockedError);
      await expect(run).rejects.toThrow(/poca-ledger serve.*\n.*Stop the server first/s);
      await expect(demo(config, { reset: true }, out, sink())).rejects.toThrow(
        /Stop the server first/,
      );
      expect(existsSync(join(dir.path, 'events.sqlite3'))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('--reset is refused for EventStoreDB and empties only a ledger data directory', async () => {
    const err = sink();
    const esdb: AppConfig = { ...config, eventStore: 'eventstoredb' };
    expect(await demo(esdb, { reset: true }, sink(), err)).toBe(64);
    expect(err.lines.join('')).toMatch(/--reset only empties the embedded store/);

    const out = sink();
    const removed = resetDataDir(dir.path, out);
    expect(removed).toContain('events.sqlite3');
    expect(out.lines.join('')).toMatch(/removed events\.sqlite3/);
    expect(readdirSync(dir.path).filter((f) => !f.startsWith('writer.lock'))).toEqual([]);

    const other = makeTempDir('poca-not-a-ledger-');
    try {
      writeFileSync(join(other.path, 'notes.txt'), 'keep me');
      expect(() => resetDataDir(other.path, sink())).toThrow(/refusing to empty it/);
      expect(readdirSync(other.path)).toContain('notes.txt');
    } finally {
      other.remove();
    }
  });
});

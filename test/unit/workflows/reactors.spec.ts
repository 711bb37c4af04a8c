import { addDays, londonDateOf } from '@src/common/time';
import { v4 as uuidv4 } from 'uuid';
import { SqliteEventStore } from '@src/event-store/sqlite/sqlite-event-store';
import { assetAggregate } from '@src/ledger/assets/asset.aggregate';
import { CommandHandler } from '@src/ledger/command-handling/command-handler';
import { CommandEnvelope, newEnvelope } from '@src/ledger/command-handling/command-metadata';
import { confiscationAggregate } from '@src/ledger/confiscation/confiscation.aggregate';
import { restraintAggregate } from '@src/ledger/restraint/restraint.aggregate';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';
import { SqliteCheckpointStore } from '@src/workflows/checkpoint-store';
import { RealisationPaymentReactor } from '@src/workflows/realisation-payment.reactor';
import { ReactorRunner } from '@src/workflows/reactor-runner';
import { RestraintLinksReactor } from '@src/workflows/restraint-links.reactor';
import { collect } from '../../support/async';
import { makeTempDir } from '../../support/temp-dir';
import { makeOrder } from '../ledger/confiscation/fixtures';

const now = new Date().toISOString();
const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const envelope = (): CommandEnvelope =>
  newEnvelope({ id: 'cl-1', agency: 'CPS', roles: ['court_liaison'] }, 'court_liaison', now);

describe('reactors: restraint links and realisation payments', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  let handler: CommandHandler;
  const caseId = uuidv4();
  const subjectId = uuidv4();
  beforeEach(() => {
    dir = makeTempDir();
    store = SqliteEventStore.open({ dataDir: dir.path, pollIntervalMs: 50 });
    handler = new CommandHandler(store, ledgerUpcasters());
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  const runner = (checkpointDir = dir.path) => {
    const checkpoints = new SqliteCheckpointStore(checkpointDir);
    const r = new ReactorRunner(
      store,
      checkpoints,
      [new RestraintLinksReactor(handler), new RealisationPaymentReactor(handler)],
      5,
    );
    return { r, checkpoints };
  };

  async function seize(
    exhibitRef: string,
    category: 'watch' | 'vessel',
    power: 'POCA_S303J_LISTED' | 'POCA_S47C',
  ) {
    const assetId = uuidv4();
    await handler.handle(
      assetAggregate,
      assetId,
      {
        type: 'SeizeAsset',
        now,
        data: {
          assetId,
          caseId,
          exhibitRef,
          power,
          category,
          description: exhibitRef,
          location: 'Marina',
          custodyLocation: 'Store',
          declared: gbp('250000.00'),
        },
        context: { case: { exists: true, closed: false, subjectIds: [] } },
      },
      envelope(),
    );
    return assetId;
  }

  async function assetEvents(assetId: string) {
    return (await collect(store.readStream(`asset-${assetId}`))).map((e) => e.type);
  }

  it('places assets under a restraint order, follows variations, lifts them on discharge, once each', async () => {
    const watch = await seize('W/1', 'watch', 'POCA_S303J_LISTED');
    const yacht = await seize('Y/1', 'vessel', 'POCA_S47C');
    const orderId = uuidv4();
    const held = { exists: true, caseId, held: true, restrainedBy: [] };
    await handler.handle(
      restraintAggregate,
      orderId,
      {
        type: 'MakeRestraintOrder',
        now,
        data: {
          restraintOrderId: orderId,
          caseId,
          subjectId,
          orderRef: 'RO/1',
          court: 'Southwark Crown Court',
          assetIds: [watch],
          coversAllRealisableProperty: false,
        },
        context: {
          case: { exists: true, closed: false },
          subjectExists: true,
          assets: { [watch]: held },
        },
      },
      envelope(),
    );
    await handler.handle(
      restraintAggregate,
      orderId,
      {
        type: 'VaryRestraintOrder',
        now,
        data: { addedAssetIds: [yacht], reason: 'Yacht found' },
        context: { assets: { [yacht]: held } },
      },
      envelope(),
    );
    const { r, checkpoints } = runner();
    r.start();
    let head = (await collect(store.readAll({ direction: 'backwards', maxCount: 1 })))[0].position;
    await r.waitFor(head);
    expect(await assetEvents(watch)).toEqual(['AssetSeized', 'AssetPlacedUnderRestraint']);
    expect(await assetEvents(yacht)).toEqual(['AssetSeized', 'AssetPlacedUnderRestraint']);

    const discharged = await handler.handle(
      restraintAggregate,
      orderId,
      { type: 'DischargeRestraintOrder', now, data: { reason: 'Order satisfied' } },
      envelope(),
    );
    await r.waitFor(discharged.position);
    await r.stop();
    checkpoints.close();
    expect(await assetEvents(watch)).toEqual([
      'AssetSeized',
      'AssetPlacedUnderRestraint',
      'AssetRestraintLifted',
    ]);
    expect(await assetEvents(yacht)).toEqual([
      'AssetSeized',
      'AssetPlacedUnderRestraint',
      'AssetRestraintLifted',
    ]);

    // Replaying the whole log (a lost checkpoint, a second worker) writes nothing new.
    const before = (await collect(store.readAll())).length;
    const other = makeTempDir();
    const replay = runner(other.path);
    replay.r.start();
    head = (await collect(store.readAll({ direction: 'backwards', maxCount: 1 })))[0].position;
    await replay.r.waitFor(head);
    await replay.r.stop();
    replay.checkpoints.close();
    other.remove();
    expect((await collect(store.readAll())).length).toBe(before);
  });

  it('pays the net proceeds of a realisation into the confiscation order, once', async () => {
    const yacht = await seize('Y/2', 'vessel', 'POCA_S47C');
    const orderId = uuidv4();
    const order = makeOrder({
      confiscationOrderId: orderId,
      caseId,
      subjectId,
      occurredAt: '2026-06-01T10:00:00Z',
      convictedAt: '2026-05-01',
      instalments: [{ amount: gbp('90000'), dueDate: '2026-08-01' }],
    });
    await handler.handle(confiscationAggregate, orderId, order, envelope());
    const realised = await handler.handle(
      assetAggregate,
      yacht,
      {
        type: 'RealiseAsset',
        now,
        data: {
          grossProceeds: gbp('62000.00'),
          costs: gbp('4650.50'),
          realisedBy: 'Enforcement receiver',
          confiscationOrderId: orderId,
        },
      },
      envelope(),
    );
    const { r, checkpoints } = runner();
    r.start();
    await r.waitFor(realised.position);
    const head = (await collect(store.readAll({ direction: 'backwards', maxCount: 1 })))[0]
      .position;
    await r.waitFor(head);
    await r.stop();
    checkpoints.close();
    const payments = (await collect(store.readStream(`confiscation-${orderId}`))).filter(
      (e) => e.type === 'PaymentReceived',
    );
    expect(payments).toHaveLength(1);
    expect(payments[0].data).toMatchObject({
      amount: gbp('57349.50'),
      method: 'asset_realisation',
      assetId: yacht,
    });
    expect(payments[0].metadata).toMatchObject({
      causationId: expect.any(String),
      actor: 'system:realisation-payment',
    });
  });

  it('records proceeds beyond what the order owes: the receipt pays it, the surplus is a refund due', async () => {
    const yacht = await seize('Y/3', 'vessel', 'POCA_S47C');
    const orderId = uuidv4();
    const today = londonDateOf(now);
    const order = {
      ...makeOrder({
        confiscationOrderId: orderId,
        caseId,
        subjectId,
        occurredAt: now,
        convictedAt: addDays(today, -30),
        instalments: [{ amount: gbp('90000'), dueDate: addDays(today, 30) }],
      }),
      now,
    };
    await handler.handle(confiscationAggregate, orderId, order, envelope());
    const realised = await handler.handle(
      assetAggregate,
      yacht,
      {
        type: 'RealiseAsset',
        now,
        data: {
          grossProceeds: gbp('100000.00'),
          costs: gbp('0.00'),
          realisedBy: 'Enforcement receiver',
          confiscationOrderId: orderId,
        },
      },
      envelope(),
    );
    const { r, checkpoints } = runner();
    r.start();
    await r.waitFor(realised.position);
    const head = (await collect(store.readAll({ direction: 'backwards', maxCount: 1 })))[0]
      .position;
    await r.waitFor(head);
    await r.stop();
    checkpoints.close();
    const payments = (await collect(store.readStream(`confiscation-${orderId}`))).filter(
      (e) => e.type === 'PaymentReceived',
    );
    expect(payments).toHaveLength(1);
    expect(payments[0].data).toMatchObject({
      amount: gbp('100000.00'),
      refundDue: gbp('10000.00'),
      method: 'asset_realisation',
      assetId: yacht,
    });
  });
});

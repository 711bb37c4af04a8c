import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { EventStore } from '../src/event-store/event-store.port';
import { assetAggregate } from '../src/ledger/assets/asset.aggregate';
import { caseAggregate } from '../src/ledger/cases/case.aggregate';
import { CommandHandler } from '../src/ledger/command-handling/command-handler';
import { CommandEnvelope } from '../src/ledger/command-handling/command-metadata';
import { ledgerUpcasters } from '../src/ledger/upcasting/ledger-upcasters';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });
const AGENCIES = ['MPS', 'CoLP', 'NCA', 'BTP', 'SUR'];

/**
 * Writes a ledger of about `events` events through the real command handler (64 commands in
 * flight, so group commit batches them): cases, then cash seizures each followed by a valuation,
 * a detention and a custody move (4 events an asset), some released.
 */
export async function generateLedger(
  store: EventStore,
  events: number,
  log: (line: string) => void = () => undefined,
): Promise<number> {
  const handler = new CommandHandler(store, ledgerUpcasters());
  const now = new Date().toISOString();
  const envelope = (agency: string): CommandEnvelope => {
    const commandId = uuidv4();
    return {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { id: 'bench', agency, roles: ['investigator'] },
      role: 'investigator',
      now,
    };
  };
  const cases = Array.from({ length: 500 }, (_, i) => ({
    id: uuidv7(),
    agency: AGENCIES[i % AGENCIES.length],
    operation: `Op-${i % 20}`,
  }));
  for (const [i, c] of cases.entries()) {
    await handler.handle(
      caseAggregate,
      c.id,
      {
        type: 'OpenCase',
        now,
        data: {
          caseId: c.id,
          reference: `BENCH/${i}`,
          title: `Bench case ${i}`,
          operation: c.operation,
          leadAgency: c.agency,
          jurisdiction: 'E&W',
        },
      },
      envelope(c.agency),
    );
  }
  const assets = Math.ceil((events - cases.length) / 4);
  let written = cases.length;
  const one = async (n: number) => {
    const c = cases[n % cases.length];
    const assetId = uuidv7();
    const env = () => envelope(c.agency);
    await handler.handle(
      assetAggregate,
      assetId,
      {
        type: 'SeizeAsset',
        now,
        data: {
          assetId,
          caseId: c.id,
          exhibitRef: `B/${n}`,
          power: 'POCA_S294_CASH',
          category: 'cash',
          description: 'Cash in a holdall',
          location: '14 Harrow Road, London W2',
          custodyLocation: 'Paddington Green',
          declared: gbp(`${1000 + (n % 90000)}.${String(n % 100).padStart(2, '0')}`),
          occurredAt: '2026-11-27T10:00:00Z',
        },
        context: { case: { exists: true, closed: false, subjectIds: [] } },
      },
      env(),
    );
    await handler.handle(
      assetAggregate,
      assetId,
      {
        type: 'ValueAsset',
        now,
        data: {
          valuationId: uuidv7(),
          basis: 'face_value',
          value: gbp(`${1000 + (n % 90000)}.00`),
          valuedAsAt: '2026-11-27',
          valuer: 'DC Patel',
        },
      },
      env(),
    );
    await handler.handle(
      assetAggregate,
      assetId,
      { type: 'OrderDetention', now, data: { kind: 'initial' } },
      env(),
    );
    if (n % 10 === 0)
      await handler.handle(
        assetAggregate,
        assetId,
        { type: 'ReleaseAsset', now, data: { reason: 'no_further_action', releasedTo: 'Owner' } },
        env(),
      );
    else
      await handler.handle(
        assetAggregate,
        assetId,
        { type: 'TransferCustody', now, data: { to: 'Hendon store', reason: 'Space' } },
        env(),
      );
    written += 4;
  };
  const started = Date.now();
  for (let start = 0; start < assets; start += 256) {
    await Promise.all(
      Array.from({ length: Math.min(256, assets - start) }, (_, i) => one(start + i)),
    );
    if (start % 25_600 === 0)
      log(
        `  generated ${written} events (${Math.round(written / ((Date.now() - started) / 1000 || 1))}/s)`,
      );
  }
  return written;
}

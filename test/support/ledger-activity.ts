import { v4 as uuidv4 } from 'uuid';
import { EventStore } from '@src/event-store/event-store.port';
import { assetAggregate } from '@src/ledger/assets/asset.aggregate';
import { caseAggregate } from '@src/ledger/cases/case.aggregate';
import { CommandHandler } from '@src/ledger/command-handling/command-handler';
import { CommandEnvelope, newEnvelope } from '@src/ledger/command-handling/command-metadata';
import { ledgerUpcasters } from '@src/ledger/upcasting/ledger-upcasters';

const gbp = (amount: string) => ({ amount, currency: 'GBP' });

function envelope(now: string): CommandEnvelope {
  return newEnvelope({ id: 'fi-1', agency: 'MPS', roles: ['investigator'] }, 'investigator', now);
}

/**
 * Writes realistic activity through the real command handler: cases, cash seizures, valuations,
 * detentions, custody moves and releases, `assets` assets in all, 64 commands at a time.
 */
export async function writeLedgerActivity(
  store: EventStore,
  assets: number,
  cases = 10,
): Promise<void> {
  const handler = new CommandHandler(store, ledgerUpcasters());
  const now = new Date().toISOString();
  const caseIds = Array.from({ length: cases }, () => uuidv4());
  await Promise.all(
    caseIds.map((caseId, i) =>
      handler.handle(
        caseAggregate,
        caseId,
        {
          type: 'OpenCase',
          now,
          data: {
            caseId,
            reference: `BW/${i}`,
            title: `Case ${i}`,
            operation: i % 2 ? 'Stimtone' : 'Quarry',
            leadAgency: i % 3 ? 'MPS' : 'CoLP',
            jurisdiction: 'E&W',
          },
        },
        envelope(now),
      ),
    ),
  );
  const one = async (n: number) => {
    const assetId = uuidv4();
    const caseId = caseIds[n % cases];
    await handler.handle(
      assetAggregate,
      assetId,
      {
        type: 'SeizeAsset',
        now,
        data: {
          assetId,
          caseId,
          exhibitRef: `EX/${n}`,
          power: 'POCA_S294_CASH',
          category: 'cash',
          description: `Cash ${n}`,
          location: 'Harrow Road',
          custodyLocation: 'Paddington Green',
          declared: gbp(`${1000 + n}.${String(n % 100).padStart(2, '0')}`),
          occurredAt: '2026-11-27T10:00:00Z',
        },
        context: { case: { exists: true, closed: false, subjectIds: [] } },
      },
      envelope(now),
    );
    if (n % 2 === 0) {
      await handler.handle(
        assetAggregate,
        assetId,
        {
          type: 'ValueAsset',
          now,
          data: {
            valuationId: uuidv4(),
            basis: 'face_value',
            value: gbp(`${1000 + n}.00`),
            valuedAsAt: '2026-11-27',
            valuer: 'DC Patel',
          },
        },
        envelope(now),
      );
    }
    if (n % 3 === 0)
      await handler.handle(
        assetAggregate,
        assetId,
        { type: 'OrderDetention', now, data: { kind: 'initial' } },
        envelope(now),
      );
    if (n % 5 === 0)
      await handler.handle(
        assetAggregate,
        assetId,
        { type: 'TransferCustody', now, data: { to: 'Hendon store', reason: 'Space' } },
        envelope(now),
      );
    if (n % 7 === 0)
      await handler.handle(
        assetAggregate,
        assetId,
        { type: 'ReleaseAsset', now, data: { reason: 'no_further_action', releasedTo: 'Owner' } },
        envelope(now),
      );
  };
  for (let start = 0; start < assets; start += 64) {
    await Promise.all(
      Array.from({ length: Math.min(64, assets - start) }, (_, i) => one(start + i)),
    );
  }
}

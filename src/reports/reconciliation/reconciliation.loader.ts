import { CaseAccess } from '../../auth/access-scope';
import { RecordedEvent } from '../../event-store/event-store.port';
import { AssetEvent } from '../../ledger/assets/asset.events';
import {
  AssetState,
  evolve as evolveAsset,
  initialAssetState,
} from '../../ledger/assets/asset.state';
import { ConfiscationEvent } from '../../ledger/confiscation/confiscation.events';
import { UpcasterRegistry } from '../../ledger/upcasting/upcaster-registry';

/** What a case gives its orders, assets and receipts. */
export interface CaseInfo {
  caseId: string;
  reference: string | null;
  operation: string | null;
  /** The lead agency. */
  agency: string | null;
}

/** An order's stream, upcast, in order (the builder folds it with the domain's evolve). */
export interface LoadedOrder {
  confiscationOrderId: string;
  events: ConfiscationEvent[];
}

/** An asset folded with the domain's own evolve (asset.state.ts). */
export interface LoadedAsset {
  assetId: string;
  state: AssetState;
}

export interface LedgerSnapshot {
  cases: Map<string, CaseInfo>;
  /** Who may read each case at `position`: its lead agency and the agencies it is shared with. */
  access: Map<string, CaseAccess>;
  orders: LoadedOrder[];
  assets: LoadedAsset[];
  /** The ledger position of the last event read (null: empty store). */
  position: bigint | null;
}

/** The part of the event store the loader needs. */
export interface EventLog {
  readAll(): AsyncIterable<RecordedEvent>;
}

const CASE = 'case-';
const ASSET = 'asset-';
const ORDER = 'confiscation-';

/**
 * Reads the whole log once, in order, and keeps every confiscation order's stream (upcast) and
 * every asset folded with the domain's evolve, and each case's reference, operation and lead
 * agency, and whom it is shared with. Exact: nothing comes from the read models (which may lag,
 * or approximate).
 */
export async function loadLedger(
  store: EventLog,
  upcasters: UpcasterRegistry,
): Promise<LedgerSnapshot> {
  const cases = new Map<string, CaseInfo>();
  const access = new Map<string, { leadAgency?: string; sharedWith: string[] }>();
  const orders = new Map<string, LoadedOrder>();
  const assets = new Map<string, LoadedAsset>();
  let position: bigint | null = null;
  for await (const recorded of store.readAll()) {
    position = recorded.position;
    const stream = recorded.streamId;
    if (!stream.startsWith(CASE) && !stream.startsWith(ASSET) && !stream.startsWith(ORDER)) {
      continue;
    }
    const data = upcasters.upcast(recorded.type, recorded.data, recorded.metadata.schemaVersion);
    if (stream.startsWith(CASE)) {
      const caseId = stream.slice(CASE.length);
      if (recorded.type === 'CaseShared' || recorded.type === 'CaseSharingRevoked') {
        const agency = data.agency;
        if (typeof agency !== 'string') continue;
        const entry = access.get(caseId) ?? { sharedWith: [] };
        entry.sharedWith = entry.sharedWith.filter((a) => a !== agency);
        if (recorded.type === 'CaseShared') entry.sharedWith.push(agency);
        access.set(caseId, entry);
        continue;
      }
      if (recorded.type !== 'CaseOpened') continue;
      const entry = access.get(caseId) ?? { sharedWith: [] };
      if (typeof data.leadAgency === 'string') entry.leadAgency = data.leadAgency;
      access.set(caseId, entry);
      cases.set(caseId, {
        caseId,
        reference: typeof data.reference === 'string' ? data.reference : null,
        operation: typeof data.operation === 'string' ? data.operation : null,
        agency: typeof data.leadAgency === 'string' ? data.leadAgency : null,
      });
    } else if (stream.startsWith(ASSET)) {
      const assetId = stream.slice(ASSET.length);
      const asset = assets.get(assetId) ?? { assetId, state: initialAssetState };
      asset.state = evolveAsset(asset.state, {
        type: recorded.type,
        data,
      } as unknown as AssetEvent);
      assets.set(assetId, asset);
    } else {
      const confiscationOrderId = stream.slice(ORDER.length);
      const order = orders.get(confiscationOrderId) ?? { confiscationOrderId, events: [] };
      order.events.push({ type: recorded.type, data } as unknown as ConfiscationEvent);
      orders.set(confiscationOrderId, order);
    }
  }
  return {
    cases,
    access,
    orders: [...orders.values()].sort((a, b) =>
      a.confiscationOrderId < b.confiscationOrderId ? -1 : 1,
    ),
    assets: [...assets.values()].sort((a, b) => (a.assetId < b.assetId ? -1 : 1)),
    position,
  };
}

import { Money } from '../common/money';
import { MS_PER_HOUR } from '../common/time';
import { AssetService } from '../ledger/assets/http/asset.service';
import { CasesService } from '../ledger/cases/http/cases.service';
import { ConfiscationService } from '../ledger/confiscation/http/confiscation.service';
import { RestraintService } from '../ledger/restraint/http/restraint.service';

/** The services the demo loads through, and reads its summary back from. */
export interface DemoServices {
  cases: CasesService;
  assets: AssetService;
  restraint: RestraintService;
  confiscation: ConfiscationService;
}

export interface NearDetention {
  exhibitRef: string;
  caseReference: string;
  expiresAt: string;
}

/** What was loaded, read back through the services (the state the API's GET routes show). */
export interface DemoSummary {
  cases: number;
  subjects: number;
  assets: number;
  /** The sum of every asset's current value in sterling (latest valuation, else declared). */
  totalSeizedGbp: string;
  byAgency: { agency: string; cases: number; assets: number; valueGbp: string }[];
  restraintOrders: number;
  confiscationOrders: number;
  payments: number;
  paidGbp: string;
  forfeited: number;
  /** Detention deadlines within the next 48 hours of loading. */
  detentionsExpiringSoon: NearDetention[];
  caseReferences: string[];
  steps: number;
  stepsReplayed: number;
  eventsWritten: number;
  /** Every step was already in the store: nothing was written. */
  alreadyLoaded: boolean;
}

/** The summary, from the state the services read (what GET /cases, /assets, ... show). */
export async function summariseDemo(
  services: DemoServices,
  ids: ReadonlyMap<string, string>,
  counts: { steps: number; stepsReplayed: number; eventsWritten: number },
): Promise<DemoSummary> {
  const { steps, stepsReplayed, eventsWritten } = counts;
  const keys = (prefix: string) => [...ids.entries()].filter(([key]) => key.startsWith(prefix));
  const now = Date.now();
  const soon = now + 48 * MS_PER_HOUR;

  const caseRefs = new Map<string, { reference: string; agency: string }>();
  let subjects = 0;
  for (const [, id] of keys('case:')) {
    const found = await services.cases.get(id);
    if (!found) continue;
    subjects += Object.keys(found.state.subjects).length;
    caseRefs.set(id, {
      reference: found.state.reference ?? id,
      agency: found.state.leadAgency ?? '?',
    });
  }

  const agencies = new Map<string, { cases: number; assets: number; value: Money }>();
  const agencyRow = (agency: string) => {
    const row = agencies.get(agency) ?? { cases: 0, assets: 0, value: Money.zero('GBP') };
    agencies.set(agency, row);
    return row;
  };
  for (const { agency } of caseRefs.values()) agencyRow(agency).cases += 1;

  let total = Money.zero('GBP');
  let assets = 0;
  let forfeited = 0;
  const nearDetentions: NearDetention[] = [];
  for (const [, id] of keys('asset:')) {
    const found = await services.assets.get(id);
    if (!found || found.state.status === 'voided') continue;
    const { state } = found;
    assets += 1;
    const value = state.currentValue ? Money.parse(state.currentValue.gbpValue) : undefined;
    const row = agencyRow(caseRefs.get(state.caseId ?? '')?.agency ?? '?');
    row.assets += 1;
    if (value) {
      total = total.plus(value);
      row.value = row.value.plus(value);
    }
    if (state.status === 'forfeited') forfeited += 1;
    const expiresAt = state.detention?.expiresAt;
    const detained = state.status === 'detained' || state.status === 'notice_given';
    if (detained && expiresAt) {
      const ms = Date.parse(expiresAt);
      if (ms > now && ms <= soon) {
        nearDetentions.push({
          exhibitRef: state.exhibitRef ?? id,
          caseReference: caseRefs.get(state.caseId ?? '')?.reference ?? '?',
          expiresAt,
        });
      }
    }
  }

  let restraintOrders = 0;
  for (const [, id] of keys('restraint:')) {
    if (await services.restraint.get(id)) restraintOrders += 1;
  }
  let confiscationOrders = 0;
  let payments = 0;
  let paid = Money.zero('GBP');
  for (const [, id] of keys('confiscation:')) {
    const view = await services.confiscation.position(id);
    if (!view) continue;
    confiscationOrders += 1;
    payments += view.payments.length;
    for (const p of view.payments) paid = paid.plus(Money.parse(p.amount));
  }

  return {
    cases: caseRefs.size,
    subjects,
    assets,
    totalSeizedGbp: total.toJSON().amount,
    byAgency: [...agencies.entries()]
      .map(([agency, row]) => ({
        agency,
        cases: row.cases,
        assets: row.assets,
        valueGbp: row.value.toJSON().amount,
      }))
      .sort((a, b) => a.agency.localeCompare(b.agency)),
    restraintOrders,
    confiscationOrders,
    payments,
    paidGbp: paid.toJSON().amount,
    forfeited,
    detentionsExpiringSoon: nearDetentions.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt)),
    caseReferences: [...caseRefs.values()].map((c) => c.reference),
    steps,
    stepsReplayed,
    eventsWritten,
    alreadyLoaded: steps > 0 && stepsReplayed === steps && eventsWritten === 0,
  };
}

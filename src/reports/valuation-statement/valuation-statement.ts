import { canonicalJson } from '../../common/canonical-json';
import { allocationPolicyText } from '../../ledger/recovery/allocation-policy';
import { nativeAmount } from '../../ledger/assets/asset.values';
import { createHash } from 'node:crypto';
import { Money, MoneyJson, sumMoney } from '../../common/money';
import { RateUsed, ValuationBasis } from '../../ledger/assets/asset.events';
import { AssetState, currentValuation, isHeld } from '../../ledger/assets/asset.state';
import { OrderPosition } from '../../ledger/confiscation/confiscation.position';

/**
 * The court valuation statement of a case (docs/api.md): a pure function of its input, so
 * the same asAt and asKnownAt always give the same statement, byte for byte, and the same id.
 *
 * Amounts are sterling decimal strings with two places ("1234.50"), summed with decimal.js.
 * Nothing of an asset's intelligence is ever read here: the statement is built field by field
 * from the folded state, so a confidential source cannot leak into it.
 */

export interface StatementInput {
  caseId: string;
  reference: string;
  title: string;
  subjects: { subjectId: string; name: string; role: string }[];
  preparedBy: string;
  /** London date the statement is "as at" (events by when they happened). */
  asAt: string;
  /** The ledger position the statement reflects. */
  asKnownAt: bigint;
  /** recordedAt of the last event at or before asKnownAt: the ledger time the statement reflects. */
  generatedAt: string;
  assets: {
    assetId: string;
    /** The asset folded over the events that happened by asAt and were recorded by asKnownAt. */
    state: AssetState;
    restraintOrderRefs: string[];
  }[];
  restraintOrders: {
    orderRef: string;
    court: string;
    restraintOrderId?: string;
    /** The subject the order names. */
    subjectId?: string;
  }[];
  confiscationOrders: { court: string; position: OrderPosition; subjectId?: string }[];
  /**
   * A statement for one subject of the case: only the assets seized from them or restrained by
   * an order naming them, and the orders naming them. Must be one of `subjects`.
   */
  subjectId?: string;
  /** The head (last event as known at asKnownAt) of every stream read: case, assets, orders. */
  chainHeads: { stream: string; revision: string; hash: string }[];
}

export interface StatementValuation {
  source: 'valuation' | 'declared';
  basis: ValuationBasis | 'declared';
  native: { amount: string; currency: string } | null;
  gbp: string;
  exchangeRate: { currency: string; rateToGbp: string; source: string; asAt: string } | null;
  valuer: string | null;
  valuedAsAt: string | null;
  valuationId: string | null;
}

export interface StatementRow {
  assetId: string;
  exhibitRef: string;
  description: string;
  category: string;
  legalBasis: string;
  status: string;
  custodyLocation: string | null;
  valuation: StatementValuation | null;
  costsOfSale: string | null;
  restraintOrderRefs: string[];
}

export interface StatementGroup {
  category: string;
  assets: StatementRow[];
  /** Sum of the GBP values shown in the group (unvalued assets count nothing). */
  subtotalGbp: string;
}

export interface ConfiscationLine {
  orderRef: string;
  court: string;
  ordered: string;
  paid: string;
  interest: string;
  outstanding: string;
  status: string;
  /** How receipts are split between principal and interest, e.g. "principal_first (verify)". */
  allocationPolicy: string;
}

export interface ValuationStatement {
  statementId: string;
  header: {
    caseId: string;
    caseReference: string;
    caseTitle: string;
    subjects: { name: string; role: string }[];
    /** Present only on a statement for one subject of the case. */
    scope?: { kind: 'subject'; subjectId: string; description: string };
    courts: string[];
    preparedBy: string;
    asAt: string;
    asKnownAt: string;
    generatedAt: string;
    generatedAtMeaning: string;
    currency: 'GBP';
  };
  schedule: StatementGroup[];
  totals: {
    assets: number;
    heldGbp: string;
    restrainedGbp: string;
    forfeitedGbp: string;
    realised: { grossGbp: string; costsGbp: string; netGbp: string };
    scheduleGbp: string;
    confiscation: ConfiscationLine[];
  };
  notes: string[];
  /**
   * The integrity chain heads the statement was built from: `poca-ledger verify` proves each
   * stream's chain up to them is intact, so the statement can be tied to the recorded history.
   */
  integrity: {
    algorithm: 'sha256';
    chainHeads: { stream: string; revision: string; hash: string }[];
  };
}

const BASIS_NOTES: Record<ValuationBasis | 'declared', string> = {
  market: 'market: the price the asset would fetch on the open market (POCA s.79).',
  face_value: 'face_value: the face amount of cash or the balance of an account.',
  exchange_rate:
    'exchange_rate: foreign currency or cryptoasset converted to sterling at the stated rate.',
  sale_price: 'sale_price: the price achieved on realisation.',
  forced_sale: 'forced_sale: the price expected on a forced (quick) sale.',
  insurance: 'insurance: the insured replacement value.',
  declared:
    'declared: no valuation yet; the amount declared at seizure (cash, accounts, crypto) converted at the seizure rate.',
};

const gbp = (json: MoneyJson | undefined): Money => (json ? Money.parse(json) : Money.zero('GBP'));
const amount = (m: Money): string => m.toJSON().amount;

function rateOf(rate: RateUsed | undefined): StatementValuation['exchangeRate'] {
  return rate
    ? { currency: rate.currency, rateToGbp: rate.rateToGbp, source: rate.source, asAt: rate.asAt }
    : null;
}

function valuationOf(state: AssetState, asAt: string): StatementValuation | null {
  const value = currentValuation(state, asAt);
  if (!value) return null;
  if (value.source === 'valuation') {
    const v = state.valuations.find((r) => r.valuationId === value.valuationId);
    if (!v) return null;
    return {
      source: 'valuation',
      basis: v.basis,
      native: nativeAmount(v.value) ?? null,
      gbp: v.gbpValue.amount,
      exchangeRate: rateOf(v.fx),
      valuer: v.valuer,
      valuedAsAt: v.valuedAsAt,
      valuationId: v.valuationId,
    };
  }
  const native = nativeAmount(state.declared) ?? null;
  return {
    source: 'declared',
    basis: 'declared',
    native,
    gbp: value.gbpValue.amount,
    exchangeRate:
      native && native.currency !== 'GBP'
        ? rateOf(state.fx.find((r) => r.currency === native.currency))
        : null,
    valuer: null,
    valuedAsAt: null,
    valuationId: null,
  };
}

function costsOfSaleOf(state: AssetState, valuation: StatementValuation | null): string | null {
  if (valuation?.valuationId) {
    const v = state.valuations.find((r) => r.valuationId === valuation.valuationId);
    if (v?.costsOfSale) return v.costsOfSale.amount;
  }
  return null;
}

export function statementIdOf(content: Omit<ValuationStatement, 'statementId'>): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The input narrowed to one subject (input.subjectId), or the input itself for the whole case. */
function scopedToSubject(input: StatementInput): StatementInput {
  const subjectId = input.subjectId;
  if (subjectId === undefined) return input;
  const subjects = input.subjects.filter((s) => s.subjectId === subjectId);
  if (subjects.length === 0) throw new Error(`No subject ${subjectId} on case ${input.caseId}`);
  const restraintOrders = input.restraintOrders.filter((o) => o.subjectId === subjectId);
  const theirOrderIds = new Set(restraintOrders.map((o) => o.restraintOrderId));
  return {
    ...input,
    subjects,
    restraintOrders,
    confiscationOrders: input.confiscationOrders.filter((o) => o.subjectId === subjectId),
    assets: input.assets.filter(
      (a) =>
        a.state.seizedFrom === subjectId ||
        a.state.restrainedBy.some((orderId) => theirOrderIds.has(orderId)),
    ),
  };
}

export function buildValuationStatement(whole: StatementInput): ValuationStatement {
  const input = scopedToSubject(whole);
  const rows: { row: StatementRow; state: AssetState }[] = [];
  const withdrawn: string[] = [];
  for (const asset of input.assets) {
    const s = asset.state;
    if (!s.exists || s.status === 'voided') continue;
    const valuation = valuationOf(s, input.asAt);
    for (const v of s.valuations) {
      if (v.withdrawn) withdrawn.push(`${s.exhibitRef ?? asset.assetId} (${v.valuationId})`);
    }
    rows.push({
      state: s,
      row: {
        assetId: asset.assetId,
        exhibitRef: s.exhibitRef ?? '',
        description: s.description ?? '',
        category: s.category ?? '',
        legalBasis: s.power ?? '',
        status: s.status ?? 'held',
        custodyLocation: s.custodyLocation ?? null,
        valuation,
        costsOfSale: costsOfSaleOf(s, valuation),
        restraintOrderRefs: [...asset.restraintOrderRefs].sort(),
      },
    });
  }
  rows.sort(
    (a, b) =>
      cmp(a.row.category, b.row.category) ||
      cmp(a.row.exhibitRef, b.row.exhibitRef) ||
      cmp(a.row.assetId, b.row.assetId),
  );

  const valueOf = (r: StatementRow): Money =>
    r.valuation ? Money.gbp(r.valuation.gbp) : Money.zero('GBP');
  const schedule: StatementGroup[] = [];
  for (const { row } of rows) {
    let group = schedule[schedule.length - 1];
    if (!group || group.category !== row.category) {
      group = { category: row.category, assets: [], subtotalGbp: '0.00' };
      schedule.push(group);
    }
    group.assets.push(row);
  }
  for (const group of schedule) {
    group.subtotalGbp = amount(sumMoney(group.assets.map(valueOf), 'GBP'));
  }

  const held = rows.filter((r) => isHeld(r.state));
  const restrained = held.filter((r) => r.state.restrainedBy.length > 0);
  const realised = rows.map((r) => r.state.realisation).filter((r) => r !== undefined);
  const totals: ValuationStatement['totals'] = {
    assets: rows.length,
    heldGbp: amount(
      sumMoney(
        held.map((r) => valueOf(r.row)),
        'GBP',
      ),
    ),
    restrainedGbp: amount(
      sumMoney(
        restrained.map((r) => valueOf(r.row)),
        'GBP',
      ),
    ),
    forfeitedGbp: amount(
      sumMoney(
        rows.map((r) => gbp(r.state.forfeiture.forfeited?.gbpAmount)),
        'GBP',
      ),
    ),
    realised: {
      grossGbp: amount(
        sumMoney(
          realised.map((r) => gbp(r.grossProceeds)),
          'GBP',
        ),
      ),
      costsGbp: amount(
        sumMoney(
          realised.map((r) => gbp(r.costs)),
          'GBP',
        ),
      ),
      netGbp: amount(
        sumMoney(
          realised.map((r) => gbp(r.netProceeds)),
          'GBP',
        ),
      ),
    },
    scheduleGbp: amount(
      sumMoney(
        rows.map((r) => valueOf(r.row)),
        'GBP',
      ),
    ),
    confiscation: input.confiscationOrders
      .map(({ court, position: p }) => ({
        orderRef: p.orderRef,
        court,
        ordered: amount(p.ordered),
        paid: amount(p.paid),
        interest: amount(p.interestAccrued.rounded),
        outstanding: amount(p.outstanding),
        status: p.status,
        allocationPolicy: allocationPolicyText(p.allocationPolicy),
      }))
      .sort((a, b) => cmp(a.orderRef, b.orderRef)),
  };

  const courts = [
    ...new Set(
      input.confiscationOrders.length > 0
        ? input.confiscationOrders.map((o) => o.court)
        : input.restraintOrders.map((o) => o.court),
    ),
  ].sort();

  const content: Omit<ValuationStatement, 'statementId'> = {
    header: {
      caseId: input.caseId,
      caseReference: input.reference,
      caseTitle: input.title,
      subjects: [...input.subjects]
        .sort((a, b) => cmp(a.name, b.name) || cmp(a.subjectId, b.subjectId))
        .map((s) => ({ name: s.name, role: s.role })),
      scope:
        input.subjectId === undefined
          ? undefined
          : {
              kind: 'subject',
              subjectId: input.subjectId,
              description: `This statement is for one subject only (${input.subjects[0].name}): the assets seized from them or restrained by an order naming them, and the orders naming them.`,
            },
      courts,
      preparedBy: input.preparedBy,
      asAt: input.asAt,
      asKnownAt: input.asKnownAt.toString(),
      generatedAt: input.generatedAt,
      generatedAtMeaning: `The ledger time the statement reflects: when the event at ledger position ${input.asKnownAt.toString()} was recorded.`,
      currency: 'GBP',
    },
    schedule,
    totals,
    notes: notesOf(
      rows.map((r) => r.row),
      withdrawn,
      input,
    ),
    integrity: { algorithm: 'sha256', chainHeads: input.chainHeads },
  };
  return { statementId: statementIdOf(content), ...content };
}

function notesOf(rows: StatementRow[], withdrawn: string[], input: StatementInput): string[] {
  const notes = [
    `Values are as at ${input.asAt} (the latest valuation valued on or before that date) as known at ledger position ${input.asKnownAt.toString()}; later events do not change this statement.`,
  ];
  const rates = new Map<string, string>();
  for (const r of rows) {
    const x = r.valuation?.exchangeRate;
    if (x) {
      const text = `${x.currency} 1 = GBP ${x.rateToGbp} (${x.source}, ${x.asAt})`;
      rates.set(text, text);
    }
  }
  if (rates.size > 0) {
    notes.push(`Exchange rates used: ${[...rates.keys()].sort().join('; ')}.`);
  } else {
    notes.push('Exchange rates used: none (every value is in sterling).');
  }
  const bases = [...new Set(rows.map((r) => r.valuation?.basis).filter((b) => b !== undefined))];
  for (const basis of bases.sort()) notes.push(`Valuation basis ${BASIS_NOTES[basis]}`);
  const unvalued = rows.filter((r) => r.valuation === null).map((r) => r.exhibitRef);
  if (unvalued.length > 0) {
    notes.push(`Not yet valued (counted as nil): ${unvalued.sort().join(', ')}.`);
  }
  notes.push(
    withdrawn.length > 0
      ? `Withdrawn valuations are excluded: ${withdrawn.sort().join(', ')}.`
      : 'Withdrawn valuations are excluded (none as at this date).',
  );
  notes.push('Voided records are excluded.');
  notes.push(
    'Held: assets still held (not released, realised, destroyed, or forfeited and paid over). Restrained: held assets under an active restraint order.',
  );
  return notes;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

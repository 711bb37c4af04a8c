/** Rule codes (docs/domain.md, "Rules the ledger enforces"); each refusal is a 422 naming one. */
export const RULE_CODES = [
  'below_minimum_amount',
  'power_not_applicable',
  'fx_rate_required',
  'detention_order_too_long',
  'detention_limit_exceeded',
  'detention_lapsed',
  'detention_order_required',
  'asset_not_held',
  'asset_restrained',
  'already_restrained',
  'exhibit_ref_taken',
  'case_reference_taken',
  'order_exceeds_benefit',
  'time_to_pay_too_long',
  'overpayment',
  'invalid_money',
  'invalid_date',
  'future_date',
  'not_found',
  'case_closed',
  'already_exists',
  'invalid_state',
  'instalments_do_not_sum',
  'order_discharged',
  'compensation_exceeds_order',
  'discharge_threshold_exceeded',
  'expenses_exceed_receipt',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/** A command refused by a rule of the domain. Nothing is written. */
export class DomainError extends Error {
  constructor(
    readonly code: RuleCode,
    message: string,
    /** The request field the rule is about, when there is one (e.g. `declared.amount`). */
    readonly field?: string,
    readonly details?: Record<string, string | number | boolean | null>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function refuse(
  code: RuleCode,
  message: string,
  field?: string,
  details?: DomainError['details'],
): never {
  throw new DomainError(code, message, field, details);
}

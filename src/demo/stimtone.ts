import { DemoPhase } from './demo-steps';
import { CASE, CASE_STEPS } from './stimtone-cases';
import { DISPOSAL_STEPS, ORDER_STEPS } from './stimtone-orders';
import { SEIZURE_STEPS } from './stimtone-seizures';

/**
 * "Operation Stimtone", the demonstration data (docs/api.md): a Big Wing day across
 * London on Thursday 19 November 2026, with the operation's earlier phases. Twelve cases led by
 * the MPS, the City of London Police and the NCA (one shared), 57 seizures: sterling and foreign
 * cash, watches, jewellery, gold, an artwork, vehicles, a yacht valued in euros, bitcoin and
 * ether, frozen accounts; detention orders (one running out within 48 hours of loading),
 * valuations (one withdrawn and corrected), two restraint orders, a confiscation order with
 * instalments and payments, forfeitures by notice and by order, a release.
 *
 * Fixed dates are in 2026 and in the past; the few deadlines that must stay near (a detention
 * expiring, an objection window closing) are relative to the moment the demo is loaded.
 */
export const STIMTONE: DemoPhase[] = [
  { name: 'cases and subjects', steps: CASE_STEPS },
  { name: 'seizures, detentions and valuations', steps: SEIZURE_STEPS },
  { name: 'restraint and confiscation orders', steps: ORDER_STEPS },
  { name: 'forfeitures, releases and realisations', steps: DISPOSAL_STEPS },
];

/** Where to look first: the Big Wing day case with the most kinds of property. */
export const SHOWCASE_CASE: string = CASE.harrowRoad;

export { CASE };

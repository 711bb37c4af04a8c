import {
  gbp,
  makeConfiscationOrder,
  makeRestraintOrder,
  onAsset,
  onRestraintOrder,
  receivePayment,
  ref,
  relative,
  relativeDate,
  Step,
} from './demo-steps';
import { CASE } from './stimtone-cases';

/*
 * Operation Stimtone: the court orders (restraint, confiscation, payments) and what became of
 * some of the property (forfeiture by notice and by order, a release, a sale towards the order).
 */

const SOUTHWARK = 'Southwark Crown Court';
const CITY = 'City of London Magistrates’ Court';
const CAMBERWELL = 'Camberwell Green Magistrates’ Court';

/** Phase 1: the Range Rover sold by auction on the court's direction, towards the order. */
const PHASE_1_ORDER = 'T20267031';

export const ORDER_STEPS: Step[] = [
  // Phase 1: restrained in February, convicted in July, confiscation ordered in September.
  makeRestraintOrder({
    caseId: ref.case(CASE.bermondsey),
    subjectId: ref.subject('Kieran Walsh'),
    orderRef: PHASE_1_ORDER,
    court: SOUTHWARK,
    assetIds: [ref.asset('KW/1'), ref.asset('KW/2')],
    exceptions: [{ purpose: 'Reasonable living expenses', amountPerWeek: gbp('250.00') }],
    occurredAt: '2026-02-12T14:30:00Z',
  }),
  makeConfiscationOrder({
    caseId: ref.case(CASE.bermondsey),
    subjectId: ref.subject('Kieran Walsh'),
    orderRef: PHASE_1_ORDER,
    court: SOUTHWARK,
    convictedAt: '2026-07-03',
    benefitFigure: gbp('612400.00'),
    availableAmount: gbp('187350.00'),
    orderAmount: gbp('187350.00'),
    instalments: [
      { amount: gbp('60000.00'), dueDate: '2026-10-02' },
      { amount: gbp('127350.00'), dueDate: '2026-12-04' },
    ],
    defaultTermMonths: 30,
    lifestyle: true,
    occurredAt: '2026-09-04T15:00:00+01:00',
  }),
  receivePayment(PHASE_1_ORDER, {
    amount: gbp('60000.00'),
    method: 'voluntary',
    reference: 'HMCTS/CONF/2026/11873',
    occurredAt: '2026-09-30T11:00:00+01:00',
  }),

  // The Big Wing day: the yacht and the Lamborghini restrained, a receiver to look after the yacht.
  makeRestraintOrder({
    caseId: ref.case(CASE.stKatharine),
    subjectId: ref.subject('James Hollis'),
    orderRef: 'T20267219',
    court: SOUTHWARK,
    assetIds: [ref.asset('JH/1'), ref.asset('JH/7')],
    exceptions: [
      { purpose: 'Reasonable living expenses', amountPerWeek: gbp('400.00') },
      { purpose: 'Mooring, insurance and maintenance of the vessel' },
    ],
    occurredAt: '2026-11-25T15:00:00Z',
  }),
  onRestraintOrder('appointManagementReceiver', 'T20267219', {
    receiver: 'Grant Thornton UK LLP',
    appointedAt: '2026-11-26',
    occurredAt: '2026-11-26T12:00:00Z',
  }),
];

export const DISPOSAL_STEPS: Step[] = [
  // Phase 1 cash: forfeiture application, then a forfeiture order (s.298).
  onAsset('applyForForfeiture', 'KW/3', {
    court: CAMBERWELL,
    appliedAt: '2026-04-14',
    occurredAt: '2026-04-14T10:00:00+01:00',
  }),
  onAsset(
    'forfeit',
    'KW/3',
    {
      route: 'cash_s298',
      orderRef: 'CGMC/2026/1187',
      court: CAMBERWELL,
      occurredAt: '2026-06-18T15:00:00+01:00',
    },
    { role: 'court_liaison' },
  ),

  // Phase 1 vehicle: sold on the court's direction; the net proceeds go towards the order (the
  // realisation workflow records the payment), and the restraint order is varied to release it.
  onAsset(
    'realise',
    'KW/1',
    {
      grossProceeds: gbp('52500.00'),
      costs: gbp('2940.00'),
      realisedBy: 'Wilsons Auctions, on the direction of Southwark Crown Court',
      courtAuthority: 'Direction to the management receiver, Southwark Crown Court, 13 Nov 2026',
      confiscationOrderId: ref.confiscation(PHASE_1_ORDER),
      occurredAt: '2026-11-20T14:00:00Z',
    },
    { role: 'finance' },
  ),
  onRestraintOrder('varyRestraintOrder', PHASE_1_ORDER, {
    removedAssetIds: [ref.asset('KW/1')],
    reason: 'Vehicle sold under the court’s direction towards the confiscation order',
    occurredAt: '2026-11-20T16:00:00Z',
  }),

  // Liverpool Street: a notice with no objection (forfeited, s.297A); a notice objected to, then
  // an application to the magistrates (pending).
  onAsset('giveForfeitureNotice', 'CR/1', {
    noticeRef: 'CoLP/AFN/2026/0019',
    givenAt: '2026-06-02',
    occurredAt: '2026-06-02T10:00:00+01:00',
  }),
  onAsset(
    'forfeit',
    'CR/1',
    { route: 'notice_s297A', occurredAt: '2026-07-06T10:00:00+01:00' },
    { role: 'court_liaison' },
  ),
  onAsset('giveForfeitureNotice', 'CR/2', {
    noticeRef: 'CoLP/AFN/2026/0020',
    givenAt: '2026-06-02',
    occurredAt: '2026-06-02T10:05:00+01:00',
  }),
  onAsset('objectToForfeiture', 'CR/2', {
    objector: 'Marsh & Pike Solicitors, for the respondent',
    receivedAt: '2026-06-19',
    occurredAt: '2026-06-19T14:00:00+01:00',
  }),
  onAsset('applyForForfeiture', 'CR/2', {
    court: CITY,
    appliedAt: '2026-07-08',
    occurredAt: '2026-07-08T10:00:00+01:00',
  }),

  // Heathrow: a forfeiture notice given 20 days before loading, its objection window still open.
  onAsset('giveForfeitureNotice', 'AP/3', {
    noticeRef: 'NCA/AFN/2026/0077',
    givenAt: relativeDate({ days: -20 }),
    occurredAt: relative({ days: -20 }),
  }),

  // Southall: the wedding jewellery was the mother's, with receipts: returned to her.
  onAsset('release', 'LH/2', {
    reason: 'owner_claim',
    releasedTo: 'Anita Hartley (the owner: family wedding jewellery, provenance evidenced)',
    occurredAt: '2026-11-26T14:00:00Z',
  }),
];

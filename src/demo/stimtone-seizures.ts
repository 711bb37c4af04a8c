import {
  detain,
  gbp,
  money,
  onAsset,
  rate,
  ref,
  relative,
  relativeDate,
  seize,
  Step,
} from './demo-steps';
import { CASE } from './stimtone-cases';

/*
 * Operation Stimtone: what was seized, and how it is held (detention orders, valuations, custody,
 * changes of legal basis). Every figure is a sensible real-world one; the decider works out the
 * sterling equivalents from the rates given.
 */

/** The Big Wing day, Thursday 19 November 2026 (GMT, so London time is UTC). */
const bigWing = (hhmm: string) => `2026-11-19T${hhmm}:00Z`;
const FRIDAY_20TH = (hhmm: string) => `2026-11-20T${hhmm}:00Z`;
/** Extension orders made on Friday 20 November run three or six months. */
const THREE_MONTHS = '2027-02-19T16:00:00Z';
// 6 months beginning with Friday 20 November 2026 end with Wednesday 19 May 2027 (s.295(2)(a)).
const SIX_MONTHS = '2027-05-19T16:00:00+01:00';

const BOE = 'Bank of England spot rate';
const EUR = rate('EUR', '0.8694', BOE, '2026-11-18');
const USD = rate('USD', '0.7612', BOE, '2026-11-18');
const AED = rate('AED', '0.2073', BOE, '2026-11-18');
const CHF = rate('CHF', '0.9418', BOE, '2026-11-18');
const BTC = rate('BTC', '71250.00', 'CoinGecko BTC/GBP daily close', '2026-11-18');
const ETH = rate('ETH', '2415.00', 'CoinGecko ETH/GBP daily close', '2026-11-18');

const WESTMINSTER = 'Westminster Magistrates’ Court';
const HIGHBURY = 'Highbury Corner Magistrates’ Court';
const CITY = 'City of London Magistrates’ Court';
const UXBRIDGE = 'Uxbridge Magistrates’ Court';
const CAMBERWELL = 'Camberwell Green Magistrates’ Court';
const CROYDON = 'Croydon Magistrates’ Court';

const WATCHFINDER = 'Watchfinder & Co., Royal Exchange';
const BONHAMS = 'Bonhams, Knightsbridge';
const ASSAY = 'Hatton Garden Assay & Valuation Ltd';
const BULLION = 'Baird & Co., Hatton Garden (LBMA gold price)';
const MANHEIM = 'Manheim Vehicle Valuations';

const LLOYDS_ACCOUNT = 'MPS cash-seizure account, Lloyds Bank (interest-bearing)';
const MPS_POUND = 'MPS vehicle recovery pound, Perivale';

/** A market valuation in sterling, recorded the afternoon of the day it is given as at. */
function valued(
  exhibitRef: string,
  amount: string,
  valuer: string,
  valuedAsAt: string,
  extra: { notes?: string; key?: string } = {},
): Step {
  const { key, notes } = extra;
  return onAsset(
    'value',
    exhibitRef,
    {
      basis: 'market',
      value: gbp(amount),
      valuedAsAt,
      valuer,
      ...(notes && { notes }),
      occurredAt: `${valuedAsAt}T15:00:00Z`,
    },
    key ? { key } : {},
  );
}

/** Evidential examination over: re-based to s.47C to prevent dissipation. */
function rebasedTo47C(exhibitRef: string, occurredAt: string): Step {
  return onAsset('changeLegalBasis', exhibitRef, {
    to: 'POCA_S47C',
    reason:
      'Evidential examination complete; held under s.47C to prevent dissipation pending restraint',
    occurredAt,
  });
}

// Phase 1: Bermondsey, 22 January 2026 ------------------------------------------------------------

const BERMONDSEY = '41 Abbey Street, London SE1';

const bermondsey: Step[] = [
  seize({
    caseId: ref.case(CASE.bermondsey),
    exhibitRef: 'KW/1',
    power: 'PACE_S19',
    category: 'vehicle',
    description: 'Range Rover Sport P400 HSE Dynamic (2023), grey, reg. LX23 KWR',
    seizedFrom: ref.subject('Kieran Walsh'),
    location: BERMONDSEY,
    custodyLocation: 'MPS vehicle recovery pound, Charlton',
    occurredAt: '2026-01-22T06:20:00Z',
  }),
  rebasedTo47C('KW/1', '2026-02-05T11:00:00Z'),
  valued('KW/1', '58500.00', 'BCA Vehicle Valuations (trade retail)', '2026-02-09'),

  seize({
    caseId: ref.case(CASE.bermondsey),
    exhibitRef: 'KW/2',
    power: 'POCA_S47C',
    category: 'watch',
    description: 'Rolex Cosmograph Daytona 116500LN, white dial, with box and papers',
    seizedFrom: ref.subject('Kieran Walsh'),
    location: BERMONDSEY,
    custodyLocation: 'Walworth police station property store',
    occurredAt: '2026-01-22T06:35:00Z',
  }),
  valued('KW/2', '24500.00', WATCHFINDER, '2026-02-09'),

  seize({
    caseId: ref.case(CASE.bermondsey),
    exhibitRef: 'KW/3',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: '£20 and £50 notes in a shoebox in the wardrobe',
    seizedFrom: ref.subject('Kieran Walsh'),
    location: BERMONDSEY,
    custodyLocation: 'Walworth police station property store',
    declared: gbp('18640.00'),
    occurredAt: '2026-01-22T06:30:00Z',
  }),
  ...detain('KW/3', {
    recordedAt: '2026-01-22T09:00:00Z',
    court: CAMBERWELL,
    orderRef: 'CGMC/2026/0311',
    orderedAt: '2026-01-23T11:30:00Z',
    expiresAt: '2026-04-24T16:00:00+01:00',
  }),

  seize({
    caseId: ref.case(CASE.bermondsey),
    exhibitRef: 'KW/4',
    power: 'PACE_S19',
    category: 'electronics',
    description: 'Apple iPhone 15 Pro with two SIM cards (evidential)',
    seizedFrom: ref.subject('Kieran Walsh'),
    location: BERMONDSEY,
    custodyLocation: 'Walworth police station property store',
    occurredAt: '2026-01-22T06:40:00Z',
  }),
];

// Liverpool Street, Thursday 14 May 2026 ----------------------------------------------------------

const LIVERPOOL_STREET = 'Liverpool Street station, London EC2M (stop and search)';
const BISHOPSGATE_STORE = 'City of London Police property store, Bishopsgate';

const liverpoolStreet: Step[] = [
  seize({
    caseId: ref.case(CASE.liverpoolStreet),
    exhibitRef: 'CR/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in a rucksack: bundles of £20 notes',
    seizedFrom: ref.subject('Callum Reid'),
    location: LIVERPOOL_STREET,
    custodyLocation: BISHOPSGATE_STORE,
    declared: gbp('38500.00'),
    occurredAt: '2026-05-14T17:20:00+01:00',
  }),
  ...detain('CR/1', {
    recordedAt: '2026-05-14T19:30:00+01:00',
    court: CITY,
    orderRef: 'CLMC/2026/0388',
    orderedAt: '2026-05-15T11:00:00+01:00',
    expiresAt: '2026-08-14T16:00:00+01:00',
  }),

  seize({
    caseId: ref.case(CASE.liverpoolStreet),
    exhibitRef: 'CR/2',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Euro notes in the lining of the same rucksack',
    seizedFrom: ref.subject('Callum Reid'),
    location: LIVERPOOL_STREET,
    custodyLocation: BISHOPSGATE_STORE,
    declared: money('9400.00', 'EUR'),
    fx: [rate('EUR', '0.8641', BOE, '2026-05-13')],
    occurredAt: '2026-05-14T17:20:00+01:00',
  }),
  ...detain('CR/2', {
    recordedAt: '2026-05-14T19:35:00+01:00',
    court: CITY,
    orderRef: 'CLMC/2026/0389',
    orderedAt: '2026-05-15T11:05:00+01:00',
    expiresAt: '2026-08-14T16:00:00+01:00',
  }),
];

// Heathrow: couriers stopped 91 and 60 days before loading, so their deadlines stay near ---------

const HEATHROW_STORE = 'NCA Border Policing cash store, Heathrow';

const heathrow: Step[] = [
  seize({
    caseId: ref.case(CASE.heathrow),
    exhibitRef: 'AP/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'EUR 200 and 500 notes sewn into the lining of a suitcase (outbound to Dubai)',
    seizedFrom: ref.subject('Aaron Pryce'),
    location: 'Heathrow Terminal 5, departures, London TW6',
    custodyLocation: HEATHROW_STORE,
    declared: money('184600.00', 'EUR'),
    fx: [rate('EUR', '0.8623', BOE, relativeDate({ days: -92 }))],
    occurredAt: relative({ days: -91 }),
  }),
  // The extension order runs out about 30 hours after loading: the renewal is due now.
  ...detain('AP/1', {
    recordedAt: relative({ days: -91, hours: 2 }),
    court: UXBRIDGE,
    orderRef: 'UXMC/2026/1502',
    orderedAt: relative({ days: -90 }),
    expiresAt: relative({ hours: 30 }),
  }),

  seize({
    caseId: ref.case(CASE.heathrow),
    exhibitRef: 'AP/2',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in the inside pockets of a jacket',
    seizedFrom: ref.subject('Aaron Pryce'),
    location: 'Heathrow Terminal 5, departures, London TW6',
    custodyLocation: HEATHROW_STORE,
    declared: gbp('12980.00'),
    occurredAt: relative({ days: -91 }),
  }),
  ...detain('AP/2', {
    recordedAt: relative({ days: -91, hours: 2 }),
    court: UXBRIDGE,
    orderRef: 'UXMC/2026/1503',
    orderedAt: relative({ days: -90 }),
    expiresAt: relative({ days: 60 }),
  }),

  seize({
    caseId: ref.case(CASE.heathrow),
    exhibitRef: 'AP/3',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in vacuum-sealed packs in hand luggage (inbound from Dubai)',
    seizedFrom: ref.subject('Nadia Ferreira'),
    location: 'Heathrow Terminal 3, arrivals, London TW6',
    custodyLocation: HEATHROW_STORE,
    declared: gbp('23450.00'),
    occurredAt: relative({ days: -60 }),
  }),
  ...detain('AP/3', {
    recordedAt: relative({ days: -60, hours: 2 }),
    court: UXBRIDGE,
    orderRef: 'UXMC/2026/1764',
    orderedAt: relative({ days: -59 }),
    expiresAt: relative({ days: 33 }),
  }),
];

// The Big Wing day, 19 November 2026 --------------------------------------------------------------

const HARROW_ROAD = '14 Harrow Road, London W2';
const CHARING_CROSS = 'Charing Cross police station property store';

const harrowRoad: Step[] = [
  seize({
    caseId: ref.case(CASE.harrowRoad),
    exhibitRef: 'DO/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Cash in a black holdall: £50 and £20 notes in bundles of £1,000',
    seizedFrom: ref.subject('Daniel Okafor'),
    location: HARROW_ROAD,
    custodyLocation: CHARING_CROSS,
    declared: gbp('48350.00'),
    intelligence: {
      sourceType: 'regional organised crime unit',
      reference: 'LROCU/2026/7714',
      confidential: false,
    },
    occurredAt: bigWing('05:40'),
  }),
  ...detain('DO/1', {
    recordedAt: bigWing('08:00'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4411',
    orderedAt: FRIDAY_20TH('11:00'),
    expiresAt: SIX_MONTHS,
  }),
  onAsset('transferCustody', 'DO/1', {
    to: LLOYDS_ACCOUNT,
    sealNumber: 'MPS-SEAL-004417',
    reason: 'Cash counted twice and banked',
    occurredAt: FRIDAY_20TH('15:30'),
  }),

  seize({
    caseId: ref.case(CASE.harrowRoad),
    exhibitRef: 'DO/2',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'EUR 500 and 200 notes, vacuum-packed, in a kitchen cupboard',
    seizedFrom: ref.subject('Daniel Okafor'),
    location: HARROW_ROAD,
    custodyLocation: CHARING_CROSS,
    declared: money('61500.00', 'EUR'),
    fx: [EUR],
    occurredAt: bigWing('05:55'),
  }),
  ...detain('DO/2', {
    recordedAt: bigWing('08:05'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4412',
    orderedAt: FRIDAY_20TH('11:05'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.harrowRoad),
    exhibitRef: 'DO/3',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Mixed currency in a bedroom safe',
    seizedFrom: ref.subject('Daniel Okafor'),
    location: HARROW_ROAD,
    custodyLocation: CHARING_CROSS,
    cashBreakdown: [gbp('7420.00'), money('3150.00', 'EUR'), money('4800.00', 'USD')],
    fx: [EUR, USD],
    occurredAt: bigWing('06:05'),
  }),
  ...detain('DO/3', {
    recordedAt: bigWing('08:10'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4413',
    orderedAt: FRIDAY_20TH('11:10'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.harrowRoad),
    exhibitRef: 'DO/4',
    power: 'POCA_S303J_LISTED',
    category: 'watch',
    description: 'Rolex Submariner Date 126610LN, no box or papers',
    seizedFrom: ref.subject('Daniel Okafor'),
    location: HARROW_ROAD,
    custodyLocation: CHARING_CROSS,
    declared: gbp('11200.00'),
    occurredAt: bigWing('06:10'),
  }),
  ...detain('DO/4', {
    recordedAt: bigWing('11:30'),
    seniorOfficer: 'DI Sarah Cole',
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4414',
    orderedAt: FRIDAY_20TH('11:15'),
    expiresAt: THREE_MONTHS,
  }),
  valued('DO/4', '10750.00', WATCHFINDER, '2026-11-24'),

  seize({
    caseId: ref.case(CASE.harrowRoad),
    exhibitRef: 'DO/5',
    power: 'POCA_S303J_LISTED',
    category: 'jewellery',
    description: 'Cartier Love bracelet (18ct yellow gold) and two 18ct gold Cuban link chains',
    seizedFrom: ref.subject('Grace Okafor'),
    location: HARROW_ROAD,
    custodyLocation: CHARING_CROSS,
    declared: gbp('18400.00'),
    occurredAt: bigWing('06:15'),
  }),
  ...detain('DO/5', {
    recordedAt: bigWing('11:35'),
    seniorOfficer: 'DI Sarah Cole',
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4415',
    orderedAt: FRIDAY_20TH('11:20'),
    expiresAt: THREE_MONTHS,
  }),
  valued('DO/5', '17900.00', ASSAY, '2026-11-25'),

  seize({
    caseId: ref.case(CASE.harrowRoad),
    exhibitRef: 'DO/6',
    power: 'PACE_S19',
    category: 'vehicle',
    description: 'Mercedes-AMG G 63 (2024), black, reg. LB24 XKT',
    seizedFrom: ref.subject('Daniel Okafor'),
    location: 'Lock-up garage 9, Kensal Road, London W10',
    custodyLocation: MPS_POUND,
    occurredAt: bigWing('07:20'),
  }),
  rebasedTo47C('DO/6', '2026-11-24T10:00:00Z'),
  valued('DO/6', '142000.00', MANHEIM, '2026-11-25'),

  seize({
    caseId: ref.case(CASE.harrowRoad),
    exhibitRef: 'DO/7',
    power: 'PACE_S19',
    category: 'electronics',
    description: 'Cash-counting machine and two mobile phones (evidential)',
    seizedFrom: ref.subject('Daniel Okafor'),
    location: HARROW_ROAD,
    custodyLocation: CHARING_CROSS,
    occurredAt: bigWing('06:20'),
  }),
];

const MOUNT_STREET = 'Flat 6, 22 Mount Street, London W1K';

const mayfair: Step[] = [
  seize({
    caseId: ref.case(CASE.mayfair),
    exhibitRef: 'MF/1',
    power: 'POCA_S303J_LISTED',
    category: 'watch',
    description: 'Patek Philippe Nautilus 5711/1A-010, blue dial, full set',
    seizedFrom: ref.subject('Marcus Fenwick'),
    location: MOUNT_STREET,
    custodyLocation: CHARING_CROSS,
    declared: gbp('98000.00'),
    occurredAt: bigWing('06:00'),
  }),
  ...detain('MF/1', {
    recordedAt: bigWing('10:00'),
    seniorOfficer: 'DCI Mark Harding',
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4420',
    orderedAt: FRIDAY_20TH('12:00'),
    expiresAt: SIX_MONTHS,
  }),
  valued('MF/1', '96500.00', BONHAMS, '2026-11-25'),

  seize({
    caseId: ref.case(CASE.mayfair),
    exhibitRef: 'MF/2',
    power: 'POCA_S303J_LISTED',
    category: 'watch',
    description: 'Audemars Piguet Royal Oak 15500ST, grey dial',
    seizedFrom: ref.subject('Marcus Fenwick'),
    location: MOUNT_STREET,
    custodyLocation: CHARING_CROSS,
    declared: gbp('38500.00'),
    occurredAt: bigWing('06:05'),
  }),
  ...detain('MF/2', {
    recordedAt: bigWing('10:05'),
    seniorOfficer: 'DCI Mark Harding',
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4421',
    orderedAt: FRIDAY_20TH('12:05'),
    expiresAt: SIX_MONTHS,
  }),
  valued('MF/2', '37200.00', BONHAMS, '2026-11-25'),

  seize({
    caseId: ref.case(CASE.mayfair),
    exhibitRef: 'MF/3',
    power: 'POCA_S303J_LISTED',
    category: 'watch',
    description: 'Richard Mille RM 011 Felipe Massa, titanium case',
    seizedFrom: ref.subject('Marcus Fenwick'),
    location: MOUNT_STREET,
    custodyLocation: CHARING_CROSS,
    declared: gbp('155000.00'),
    occurredAt: bigWing('06:10'),
  }),
  ...detain('MF/3', {
    recordedAt: bigWing('10:10'),
    seniorOfficer: 'DCI Mark Harding',
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4422',
    orderedAt: FRIDAY_20TH('12:10'),
    expiresAt: SIX_MONTHS,
  }),
  // A correction: the first valuation took it for a different model; a supervisor withdrew it.
  valued('MF/3', '215000.00', BONHAMS, '2026-11-24', {
    key: 'valuation:MF/3 first',
    notes: 'Valued as an RM 11-03 flyback chronograph',
  }),
  onAsset(
    'withdrawValuation',
    'MF/3',
    {
      reason: 'The valuer mistook the model: an RM 011, not an RM 11-03',
      occurredAt: '2026-11-26T09:30:00Z',
    },
    { valuation: 'valuation:MF/3 first', role: 'supervisor' },
  ),
  valued('MF/3', '152000.00', BONHAMS, '2026-11-26', {
    notes: 'Revised: RM 011 Felipe Massa, titanium, 2019, full set',
  }),

  seize({
    caseId: ref.case(CASE.mayfair),
    exhibitRef: 'MF/4',
    power: 'POCA_S303J_LISTED',
    category: 'precious_metal',
    description: '1 kg gold bar, 999.9 fine, Valcambi, serial 0214577',
    seizedFrom: ref.subject('Marcus Fenwick'),
    location: MOUNT_STREET,
    custodyLocation: CHARING_CROSS,
    declared: gbp('96000.00'),
    occurredAt: bigWing('06:15'),
  }),
  ...detain('MF/4', {
    recordedAt: bigWing('10:15'),
    seniorOfficer: 'DCI Mark Harding',
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4423',
    orderedAt: FRIDAY_20TH('12:15'),
    expiresAt: SIX_MONTHS,
  }),
  valued('MF/4', '97640.00', BULLION, '2026-11-24'),

  seize({
    caseId: ref.case(CASE.mayfair),
    exhibitRef: 'MF/5',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in the safe of a watch cabinet',
    seizedFrom: ref.subject('Marcus Fenwick'),
    location: MOUNT_STREET,
    custodyLocation: CHARING_CROSS,
    declared: gbp('22750.00'),
    occurredAt: bigWing('06:20'),
  }),
  ...detain('MF/5', {
    recordedAt: bigWing('10:20'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4424',
    orderedAt: FRIDAY_20TH('12:20'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.mayfair),
    exhibitRef: 'MF/6',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'US$100 notes in a watch box',
    seizedFrom: ref.subject('Marcus Fenwick'),
    location: MOUNT_STREET,
    custodyLocation: CHARING_CROSS,
    declared: money('15000.00', 'USD'),
    fx: [USD],
    occurredAt: bigWing('06:25'),
  }),
  ...detain('MF/6', {
    recordedAt: bigWing('10:25'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4425',
    orderedAt: FRIDAY_20TH('12:25'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.mayfair),
    exhibitRef: 'MF/7',
    power: 'POCA_S47C',
    category: 'vehicle',
    description: 'Bentley Continental GT V8 (2022), reg. MF22 BTL',
    seizedFrom: ref.subject('Marcus Fenwick'),
    location: 'Residents’ car park, 22 Mount Street, London W1K',
    custodyLocation: MPS_POUND,
    occurredAt: bigWing('07:00'),
  }),
  valued('MF/7', '134000.00', MANHEIM, '2026-11-25'),
];

const PAN_PENINSULA = 'Apartment 1204, 1 Pan Peninsula Square, London E14';

const stKatharine: Step[] = [
  seize({
    caseId: ref.case(CASE.stKatharine),
    exhibitRef: 'JH/1',
    power: 'POCA_S47C',
    category: 'vessel',
    description: 'Motor yacht "Blue Meridian", Sunseeker Predator 57 (2016), Red Ensign registered',
    seizedFrom: ref.subject('Blue Meridian Marine Ltd'),
    location: 'St Katharine Docks, London E1W',
    custodyLocation: 'St Katharine Docks marina, berth L14, under NCA seal',
    occurredAt: bigWing('07:30'),
  }),
  onAsset('value', 'JH/1', {
    basis: 'market',
    value: money('745000.00', 'EUR'),
    fx: rate('EUR', '0.8671', BOE, '2026-11-25'),
    valuedAsAt: '2026-11-25',
    valuer: 'Harbour Marine Surveys Ltd (MCA-approved surveyor)',
    notes: 'Comparable sales of Predator 57s on the Mediterranean market, in euros',
    occurredAt: '2026-11-26T11:00:00Z',
  }),

  seize({
    caseId: ref.case(CASE.stKatharine),
    exhibitRef: 'JH/2',
    power: 'POCA_S303Z29_CRYPTO',
    category: 'cryptoasset',
    description: 'Bitcoin on a Ledger Nano X hardware wallet, with its 24-word seed phrase',
    seizedFrom: ref.subject('James Hollis'),
    location: PAN_PENINSULA,
    custodyLocation: 'NCA evidence store, Vauxhall (hardware wallet sealed)',
    declared: { symbol: 'BTC', quantity: '2.41750000' },
    fx: [BTC],
    occurredAt: bigWing('06:45'),
  }),
  ...detain('JH/2', {
    recordedAt: bigWing('14:00'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4430',
    orderedAt: FRIDAY_20TH('14:00'),
    expiresAt: SIX_MONTHS,
  }),
  onAsset('transferCustody', 'JH/2', {
    to: 'NCA-controlled cold wallet (multi-signature)',
    reason: 'Swept from the seized device to a law-enforcement wallet',
    occurredAt: bigWing('16:00'),
  }),
  onAsset('value', 'JH/2', {
    basis: 'exchange_rate',
    value: { symbol: 'BTC', quantity: '2.41750000' },
    fx: rate('BTC', '73480.00', 'CoinGecko BTC/GBP daily close', '2026-11-27'),
    valuedAsAt: '2026-11-27',
    valuer: 'NCA Cryptocurrency Team',
    occurredAt: '2026-11-27T16:00:00Z',
  }),

  seize({
    caseId: ref.case(CASE.stKatharine),
    exhibitRef: 'JH/3',
    power: 'POCA_S303Z29_CRYPTO',
    category: 'cryptoasset',
    description: 'Ether held in a software wallet on a laptop, recovery phrase found in a notebook',
    seizedFrom: ref.subject('James Hollis'),
    location: PAN_PENINSULA,
    custodyLocation: 'NCA-controlled cold wallet (multi-signature)',
    declared: { symbol: 'ETH', quantity: '38.5' },
    fx: [ETH],
    occurredAt: bigWing('06:50'),
  }),
  ...detain('JH/3', {
    recordedAt: bigWing('14:05'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4431',
    orderedAt: FRIDAY_20TH('14:05'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.stKatharine),
    exhibitRef: 'JH/4',
    power: 'POCA_S303Z1_AFO',
    category: 'bank_account',
    description: 'Personal current account frozen by an account freezing order',
    seizedFrom: ref.subject('James Hollis'),
    location: 'Barclays Bank UK plc, 1 Churchill Place, London E14',
    custodyLocation: 'Frozen at Barclays Bank UK plc (AFO WMC/2026/4435)',
    declared: {
      institution: 'Barclays Bank UK plc',
      accountRef: '20-45-77 30418826',
      balance: gbp('84213.57'),
    },
    occurredAt: bigWing('15:20'),
  }),
  seize({
    caseId: ref.case(CASE.stKatharine),
    exhibitRef: 'JH/5',
    power: 'POCA_S303Z1_AFO',
    category: 'bank_account',
    description: 'Euro e-money account frozen by an account freezing order',
    seizedFrom: ref.subject('James Hollis'),
    location: 'Revolut Ltd, 30 South Colonnade, London E14',
    custodyLocation: 'Frozen at Revolut Ltd (AFO WMC/2026/4436)',
    declared: {
      institution: 'Revolut Ltd',
      accountRef: 'GB33REVO00996912345678 (EUR)',
      balance: money('46980.00', 'EUR'),
    },
    fx: [EUR],
    occurredAt: bigWing('15:25'),
  }),
  seize({
    caseId: ref.case(CASE.stKatharine),
    exhibitRef: 'JH/6',
    power: 'POCA_S303Z1_AFO',
    category: 'bank_account',
    description: 'Business current account of Blue Meridian Marine Ltd, frozen',
    seizedFrom: ref.subject('Blue Meridian Marine Ltd'),
    location: 'Monzo Bank Ltd, Broadwalk House, London EC2',
    custodyLocation: 'Frozen at Monzo Bank Ltd (AFO WMC/2026/4437)',
    declared: {
      institution: 'Monzo Bank Ltd',
      accountRef: '04-00-04 18273645',
      balance: gbp('12406.11'),
    },
    occurredAt: bigWing('15:30'),
  }),

  // Seized by the MPS on the shared case (its exhibit reference is the MPS's).
  seize(
    {
      caseId: ref.case(CASE.stKatharine),
      exhibitRef: 'JH/7',
      power: 'POCA_S47C',
      category: 'vehicle',
      description: 'Lamborghini Urus (2023), yellow, reg. HO23 LLS',
      seizedFrom: ref.subject('James Hollis'),
      location: 'Chelsea Harbour car park, London SW10',
      custodyLocation: MPS_POUND,
      occurredAt: bigWing('08:10'),
    },
    'MPS',
  ),
  valued('JH/7', '168000.00', MANHEIM, '2026-11-25'),
];

const LEADENHALL = 'Harbour FX, 112 Leadenhall Street, London EC3';

const leadenhall: Step[] = [
  seize({
    caseId: ref.case(CASE.leadenhall),
    exhibitRef: 'HFX/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Euro notes in the bureau safe, banded by customer',
    seizedFrom: ref.subject('Harbour FX Ltd'),
    location: LEADENHALL,
    custodyLocation: BISHOPSGATE_STORE,
    declared: money('128400.00', 'EUR'),
    fx: [EUR],
    intelligence: {
      sourceType: 'suspicious activity reports (UKFIU)',
      reference: 'UKFIU/SAR/2026/118422',
      confidential: false,
    },
    occurredAt: bigWing('06:00'),
  }),
  ...detain('HFX/1', {
    recordedAt: bigWing('09:00'),
    court: CITY,
    orderRef: 'CLMC/2026/0912',
    orderedAt: FRIDAY_20TH('10:30'),
    expiresAt: SIX_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.leadenhall),
    exhibitRef: 'HFX/2',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'US dollar notes in the bureau safe',
    seizedFrom: ref.subject('Harbour FX Ltd'),
    location: LEADENHALL,
    custodyLocation: BISHOPSGATE_STORE,
    declared: money('64700.00', 'USD'),
    fx: [USD],
    occurredAt: bigWing('06:05'),
  }),
  ...detain('HFX/2', {
    recordedAt: bigWing('09:05'),
    court: CITY,
    orderRef: 'CLMC/2026/0913',
    orderedAt: FRIDAY_20TH('10:35'),
    expiresAt: SIX_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.leadenhall),
    exhibitRef: 'HFX/3',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in the tills and a floor safe',
    seizedFrom: ref.subject('Harbour FX Ltd'),
    location: LEADENHALL,
    custodyLocation: BISHOPSGATE_STORE,
    declared: gbp('31260.00'),
    occurredAt: bigWing('06:10'),
  }),
  ...detain('HFX/3', {
    recordedAt: bigWing('09:10'),
    court: CITY,
    orderRef: 'CLMC/2026/0914',
    orderedAt: FRIDAY_20TH('10:40'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.leadenhall),
    exhibitRef: 'HFX/4',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'UAE dirham notes in a locked drawer',
    seizedFrom: ref.subject('Harbour FX Ltd'),
    location: LEADENHALL,
    custodyLocation: BISHOPSGATE_STORE,
    declared: money('98000.00', 'AED'),
    fx: [AED],
    occurredAt: bigWing('06:15'),
  }),
  ...detain('HFX/4', {
    recordedAt: bigWing('09:15'),
    court: CITY,
    orderRef: 'CLMC/2026/0915',
    orderedAt: FRIDAY_20TH('10:45'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.leadenhall),
    exhibitRef: 'HFX/5',
    power: 'POCA_S303Z1_AFO',
    category: 'bank_account',
    description: 'Client account of Harbour FX Ltd, frozen by an account freezing order',
    seizedFrom: ref.subject('Harbour FX Ltd'),
    location: 'HSBC UK Bank plc, 8 Canada Square, London E14',
    custodyLocation: 'Frozen at HSBC UK Bank plc (AFO CLMC/2026/0917)',
    declared: {
      institution: 'HSBC UK Bank plc',
      accountRef: '40-11-62 71829304',
      balance: gbp('212884.40'),
    },
    occurredAt: bigWing('16:10'),
  }),
  seize({
    caseId: ref.case(CASE.leadenhall),
    exhibitRef: 'HFX/6',
    power: 'POCA_S303Z1_AFO',
    category: 'bank_account',
    description: 'Euro balance of an e-money account, frozen by an account freezing order',
    seizedFrom: ref.subject('Adrian Kellett'),
    location: 'Wise Payments Ltd, 1st Floor, Worship Square, London EC2',
    custodyLocation: 'Frozen at Wise Payments Ltd (AFO CLMC/2026/0918)',
    declared: {
      institution: 'Wise Payments Ltd',
      accountRef: 'Account 8310-4471-22 (EUR balance)',
      balance: money('37150.00', 'EUR'),
    },
    fx: [EUR],
    occurredAt: bigWing('16:15'),
  }),

  seize({
    caseId: ref.case(CASE.leadenhall),
    exhibitRef: 'HFX/7',
    power: 'PACE_S19',
    category: 'document',
    description: 'Four handwritten transfer ledgers and a laptop (evidential)',
    seizedFrom: ref.subject('Adrian Kellett'),
    location: LEADENHALL,
    custodyLocation: BISHOPSGATE_STORE,
    occurredAt: bigWing('06:30'),
  }),
];

const LANSDOWNE_ROAD = '7 Lansdowne Road, London N17';
const TOTTENHAM_STORE = 'Tottenham police station property store';

const tottenham: Step[] = [
  seize({
    caseId: ref.case(CASE.tottenham),
    exhibitRef: 'RC/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Vacuum-packed £20 and £50 notes in the loft space',
    seizedFrom: ref.subject('Ryan Costello'),
    location: LANSDOWNE_ROAD,
    custodyLocation: TOTTENHAM_STORE,
    declared: gbp('186420.00'),
    occurredAt: bigWing('06:10'),
  }),
  ...detain('RC/1', {
    recordedAt: bigWing('09:30'),
    court: HIGHBURY,
    orderRef: 'HCMC/2026/2231',
    orderedAt: FRIDAY_20TH('10:15'),
    expiresAt: SIX_MONTHS,
  }),
  onAsset('transferCustody', 'RC/1', {
    to: LLOYDS_ACCOUNT,
    sealNumber: 'MPS-SEAL-004502',
    reason: 'Cash counted under camera and banked',
    occurredAt: FRIDAY_20TH('16:00'),
  }),

  seize({
    caseId: ref.case(CASE.tottenham),
    exhibitRef: 'RC/2',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in the glovebox of the BMW',
    seizedFrom: ref.subject('Ryan Costello'),
    location: LANSDOWNE_ROAD,
    custodyLocation: TOTTENHAM_STORE,
    declared: gbp('9870.00'),
    occurredAt: bigWing('06:40'),
  }),
  ...detain('RC/2', {
    recordedAt: bigWing('09:35'),
    court: HIGHBURY,
    orderRef: 'HCMC/2026/2232',
    orderedAt: FRIDAY_20TH('10:20'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.tottenham),
    exhibitRef: 'RC/3',
    power: 'PACE_S19',
    category: 'vehicle',
    description: 'BMW M4 Competition (2024), blue, reg. RC24 MFF',
    seizedFrom: ref.subject('Ryan Costello'),
    location: LANSDOWNE_ROAD,
    custodyLocation: MPS_POUND,
    occurredAt: bigWing('06:45'),
  }),
  rebasedTo47C('RC/3', '2026-11-24T11:00:00Z'),
  valued('RC/3', '61500.00', MANHEIM, '2026-11-25'),

  seize({
    caseId: ref.case(CASE.tottenham),
    exhibitRef: 'RC/4',
    power: 'PACE_S19',
    category: 'electronics',
    description: 'Two encrypted mobile handsets (evidential)',
    seizedFrom: ref.subject('Ryan Costello'),
    location: LANSDOWNE_ROAD,
    custodyLocation: TOTTENHAM_STORE,
    occurredAt: bigWing('06:50'),
  }),

  seize({
    caseId: ref.case(CASE.tottenham),
    exhibitRef: 'RC/5',
    power: 'POCA_S303J_LISTED',
    category: 'jewellery',
    description: '18ct gold Cuban link chain with a diamond-set pendant',
    seizedFrom: ref.subject('Ryan Costello'),
    location: LANSDOWNE_ROAD,
    custodyLocation: TOTTENHAM_STORE,
    declared: gbp('6900.00'),
    occurredAt: bigWing('06:55'),
  }),
  ...detain('RC/5', {
    recordedAt: bigWing('11:00'),
    seniorOfficer: 'DI Femi Adeyemi',
    court: HIGHBURY,
    orderRef: 'HCMC/2026/2233',
    orderedAt: FRIDAY_20TH('10:25'),
    expiresAt: THREE_MONTHS,
  }),
  valued('RC/5', '6650.00', ASSAY, '2026-11-25'),
];

const LEATHER_LANE = 'Flat 3, 48 Leather Lane, London EC1N';
const HOLBORN_STORE = 'Holborn police station property store';

const hattonGarden: Step[] = [
  // The one confidential source: a retail partner who reported the cash purchases.
  seize({
    caseId: ref.case(CASE.hattonGarden),
    exhibitRef: 'LM/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in envelopes, each marked with a bullion dealer’s name',
    seizedFrom: ref.subject('Leah Marsh'),
    location: LEATHER_LANE,
    custodyLocation: HOLBORN_STORE,
    declared: gbp('54900.00'),
    intelligence: { sourceType: 'retail partner', reference: 'INT/2026/3391', confidential: true },
    occurredAt: bigWing('06:05'),
  }),
  ...detain('LM/1', {
    recordedAt: bigWing('09:00'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4440',
    orderedAt: FRIDAY_20TH('13:00'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.hattonGarden),
    exhibitRef: 'LM/2',
    power: 'POCA_S303J_LISTED',
    category: 'precious_metal',
    description: 'Ten 100 g gold bars, 999.9 fine, PAMP Suisse',
    seizedFrom: ref.subject('Leah Marsh'),
    location: LEATHER_LANE,
    custodyLocation: HOLBORN_STORE,
    declared: gbp('96000.00'),
    occurredAt: bigWing('06:10'),
  }),
  ...detain('LM/2', {
    recordedAt: bigWing('09:05'),
    seniorOfficer: 'DI Sarah Cole',
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4441',
    orderedAt: FRIDAY_20TH('13:05'),
    expiresAt: THREE_MONTHS,
  }),
  valued('LM/2', '97640.00', BULLION, '2026-11-24'),

  seize({
    caseId: ref.case(CASE.hattonGarden),
    exhibitRef: 'LM/3',
    power: 'POCA_S303J_LISTED',
    category: 'jewellery',
    description: 'Solitaire diamond ring, 3.2 ct, with GIA certificate',
    seizedFrom: ref.subject('Leah Marsh'),
    location: LEATHER_LANE,
    custodyLocation: HOLBORN_STORE,
    declared: gbp('42000.00'),
    occurredAt: bigWing('06:15'),
  }),
  ...detain('LM/3', {
    recordedAt: bigWing('09:10'),
    seniorOfficer: 'DI Sarah Cole',
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4442',
    orderedAt: FRIDAY_20TH('13:10'),
    expiresAt: THREE_MONTHS,
  }),
  valued('LM/3', '39500.00', ASSAY, '2026-11-25'),

  seize({
    caseId: ref.case(CASE.hattonGarden),
    exhibitRef: 'LM/4',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Euro notes in a jewellery box',
    seizedFrom: ref.subject('Leah Marsh'),
    location: LEATHER_LANE,
    custodyLocation: HOLBORN_STORE,
    declared: money('8350.00', 'EUR'),
    fx: [EUR],
    occurredAt: bigWing('06:20'),
  }),
  ...detain('LM/4', {
    recordedAt: bigWing('09:15'),
    court: WESTMINSTER,
    orderRef: 'WMC/2026/4443',
    orderedAt: FRIDAY_20TH('13:15'),
    expiresAt: THREE_MONTHS,
  }),
];

const LADY_MARGARET_ROAD = '29 Lady Margaret Road, Southall UB1';
const SOUTHALL_STORE = 'Southall police station property store';

const southall: Step[] = [
  seize({
    caseId: ref.case(CASE.southall),
    exhibitRef: 'LH/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in a sports bag under the stairs',
    seizedFrom: ref.subject('Liam Hartley'),
    location: LADY_MARGARET_ROAD,
    custodyLocation: SOUTHALL_STORE,
    declared: gbp('27300.00'),
    occurredAt: bigWing('06:00'),
  }),
  ...detain('LH/1', {
    recordedAt: bigWing('09:00'),
    court: UXBRIDGE,
    orderRef: 'UXMC/2026/2410',
    orderedAt: FRIDAY_20TH('11:30'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.southall),
    exhibitRef: 'LH/2',
    power: 'POCA_S303J_LISTED',
    category: 'jewellery',
    description: '22ct gold wedding jewellery: two necklace sets and eight bangles',
    seizedFrom: ref.subject('Anita Hartley'),
    location: LADY_MARGARET_ROAD,
    custodyLocation: SOUTHALL_STORE,
    declared: gbp('31800.00'),
    occurredAt: bigWing('06:10'),
  }),
  ...detain('LH/2', {
    recordedAt: bigWing('09:05'),
    seniorOfficer: 'DI Femi Adeyemi',
    court: UXBRIDGE,
    orderRef: 'UXMC/2026/2411',
    orderedAt: FRIDAY_20TH('11:35'),
    expiresAt: THREE_MONTHS,
  }),
  valued('LH/2', '30950.00', ASSAY, '2026-11-24'),

  seize({
    caseId: ref.case(CASE.southall),
    exhibitRef: 'LH/3',
    power: 'POCA_S47C',
    category: 'vehicle',
    description: 'Audi RS 6 Avant (2023), black, reg. LH23 RSX',
    seizedFrom: ref.subject('Liam Hartley'),
    location: LADY_MARGARET_ROAD,
    custodyLocation: MPS_POUND,
    occurredAt: bigWing('06:30'),
  }),
  valued('LH/3', '78000.00', MANHEIM, '2026-11-25'),
];

const CAR_WASH = 'Sparkle Hand Car Wash, 210 Brighton Road, South Croydon CR2';
const CROYDON_STORE = 'Croydon police station property store';

const croydon: Step[] = [
  seize({
    caseId: ref.case(CASE.croydon),
    exhibitRef: 'CD/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in a cash box in the site office',
    seizedFrom: ref.subject('Connor Doyle'),
    location: CAR_WASH,
    custodyLocation: CROYDON_STORE,
    declared: gbp('14620.00'),
    occurredAt: bigWing('06:00'),
  }),
  ...detain('CD/1', {
    recordedAt: bigWing('09:00'),
    court: CROYDON,
    orderRef: 'CRMC/2026/3305',
    orderedAt: FRIDAY_20TH('10:00'),
    expiresAt: THREE_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.croydon),
    exhibitRef: 'CD/2',
    power: 'PACE_S19',
    category: 'vehicle',
    description: 'Porsche 911 Carrera 4S (2022), white, reg. CD22 PRS',
    seizedFrom: ref.subject('Connor Doyle'),
    location: CAR_WASH,
    custodyLocation: MPS_POUND,
    occurredAt: bigWing('06:20'),
  }),
  rebasedTo47C('CD/2', '2026-11-24T12:00:00Z'),
  valued('CD/2', '96000.00', MANHEIM, '2026-11-25'),

  seize({
    caseId: ref.case(CASE.croydon),
    exhibitRef: 'CD/3',
    power: 'PACE_S19',
    category: 'vehicle',
    description: 'Volkswagen Transporter T6.1 van with a concealed floor compartment (evidential)',
    seizedFrom: ref.subject('Connor Doyle'),
    location: CAR_WASH,
    custodyLocation: MPS_POUND,
    occurredAt: bigWing('06:25'),
  }),
  valued('CD/3', '21500.00', MANHEIM, '2026-11-25'),

  seize({
    caseId: ref.case(CASE.croydon),
    exhibitRef: 'CD/4',
    power: 'POCA_S303J_LISTED',
    category: 'watch',
    description: 'Omega Speedmaster Moonwatch Professional',
    seizedFrom: ref.subject('Connor Doyle'),
    location: CAR_WASH,
    custodyLocation: CROYDON_STORE,
    declared: gbp('5200.00'),
    occurredAt: bigWing('06:30'),
  }),
  ...detain('CD/4', {
    recordedAt: bigWing('10:00'),
    seniorOfficer: 'DI Femi Adeyemi',
    court: CROYDON,
    orderRef: 'CRMC/2026/3306',
    orderedAt: FRIDAY_20TH('10:05'),
    expiresAt: THREE_MONTHS,
  }),
  valued('CD/4', '4950.00', WATCHFINDER, '2026-11-24'),
];

const VAULTS = 'Bishopsgate Vaults, safe deposit boxes 114 and 221, London EC2';

const bishopsgate: Step[] = [
  seize({
    caseId: ref.case(CASE.bishopsgate),
    exhibitRef: 'OB/1',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Sterling in £50 notes, box 114',
    seizedFrom: ref.subject('Oliver Brandt'),
    location: VAULTS,
    custodyLocation: BISHOPSGATE_STORE,
    declared: gbp('96000.00'),
    occurredAt: bigWing('09:30'),
  }),
  ...detain('OB/1', {
    recordedAt: bigWing('12:00'),
    court: CITY,
    orderRef: 'CLMC/2026/0920',
    orderedAt: FRIDAY_20TH('11:45'),
    expiresAt: SIX_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.bishopsgate),
    exhibitRef: 'OB/2',
    power: 'POCA_S294_CASH',
    category: 'cash',
    description: 'Swiss franc notes, box 114',
    seizedFrom: ref.subject('Oliver Brandt'),
    location: VAULTS,
    custodyLocation: BISHOPSGATE_STORE,
    declared: money('25000.00', 'CHF'),
    fx: [CHF],
    occurredAt: bigWing('09:35'),
  }),
  ...detain('OB/2', {
    recordedAt: bigWing('12:05'),
    court: CITY,
    orderRef: 'CLMC/2026/0921',
    orderedAt: FRIDAY_20TH('11:50'),
    expiresAt: SIX_MONTHS,
  }),

  seize({
    caseId: ref.case(CASE.bishopsgate),
    exhibitRef: 'OB/3',
    power: 'POCA_S303J_LISTED',
    category: 'precious_metal',
    description: 'Forty 1 oz Krugerrand gold coins, box 221',
    seizedFrom: ref.subject('Oliver Brandt'),
    location: VAULTS,
    custodyLocation: BISHOPSGATE_STORE,
    declared: gbp('118000.00'),
    occurredAt: bigWing('09:45'),
  }),
  ...detain('OB/3', {
    recordedAt: bigWing('12:10'),
    seniorOfficer: 'DCI Ruth Ellison',
    court: CITY,
    orderRef: 'CLMC/2026/0922',
    orderedAt: FRIDAY_20TH('11:55'),
    expiresAt: SIX_MONTHS,
  }),
  valued('OB/3', '121600.00', BULLION, '2026-11-24'),

  seize({
    caseId: ref.case(CASE.bishopsgate),
    exhibitRef: 'OB/4',
    power: 'POCA_S303J_LISTED',
    category: 'artwork',
    description: 'Signed screen print, numbered 41/150, with certificate of authenticity, box 221',
    seizedFrom: ref.subject('Oliver Brandt'),
    location: VAULTS,
    custodyLocation: BISHOPSGATE_STORE,
    declared: gbp('65000.00'),
    occurredAt: bigWing('09:50'),
  }),
  ...detain('OB/4', {
    recordedAt: bigWing('12:15'),
    seniorOfficer: 'DCI Ruth Ellison',
    court: CITY,
    orderRef: 'CLMC/2026/0923',
    orderedAt: FRIDAY_20TH('12:00'),
    expiresAt: SIX_MONTHS,
  }),
  valued('OB/4', '62000.00', 'Christie’s, King Street (private valuation)', '2026-11-26'),
];

export const SEIZURE_STEPS: Step[] = [
  ...bermondsey,
  ...liverpoolStreet,
  ...heathrow,
  ...harrowRoad,
  ...mayfair,
  ...stKatharine,
  ...leadenhall,
  ...tottenham,
  ...hattonGarden,
  ...southall,
  ...croydon,
  ...bishopsgate,
];

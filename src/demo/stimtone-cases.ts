import { addSubject, openCase, relative, shareCase, Step } from './demo-steps';

/*
 * Operation Stimtone: the cases. A long-running Metropolitan Police operation against a cash
 * laundering network, with the NCA and the City of London Police: a first phase in January 2026
 * (now at the confiscation stage), couriers stopped in May and over the late summer, and the Big
 * Wing day of Thursday 19 November 2026, when warrants were executed across London.
 */

/** The case references, by the name the data uses for them. */
export const CASE = {
  /** Phase 1 (January 2026): restraint, conviction, confiscation, payments. */
  bermondsey: 'MPS/ECU/2026/0031',
  /** A courier stopped at Liverpool Street in May: cash forfeited by notice. */
  liverpoolStreet: 'CoLP/ECD/2026/0061',
  /** Couriers stopped at Heathrow over the last three months (dates relative to loading). */
  heathrow: 'NCA/BOR/2026/0212',
  // The Big Wing day, 19 November 2026:
  harrowRoad: 'MPS/ECU/2026/0140',
  mayfair: 'MPS/ECU/2026/0141',
  tottenham: 'MPS/ECU/2026/0142',
  hattonGarden: 'MPS/ECU/2026/0143',
  southall: 'MPS/ECU/2026/0144',
  croydon: 'MPS/ECU/2026/0145',
  /** NCA-led, shared with the MPS: the yacht, the cryptoassets and frozen accounts. */
  stKatharine: 'NCA/ICU/2026/0457',
  leadenhall: 'CoLP/ECD/2026/0088',
  bishopsgate: 'CoLP/ECD/2026/0090',
} as const;

const CPS = 'CPS';

export const CASE_STEPS: Step[] = [
  // Phase 1 --------------------------------------------------------------------------------------
  openCase('MPS', {
    reference: CASE.bermondsey,
    title: 'Stimtone phase 1: Bermondsey Class A supply proceeds',
    prosecutingAgency: CPS,
    offenceType: 'Conspiracy to supply Class A drugs; money laundering (POCA s.327)',
    occurredAt: '2026-01-20T09:30:00Z',
  }),
  addSubject(CASE.bermondsey, {
    name: 'Kieran Walsh',
    role: 'defendant',
    dateOfBirth: '1986-09-03',
    occurredAt: '2026-01-22T08:00:00Z',
  }),

  openCase('CoLP', {
    reference: CASE.liverpoolStreet,
    title: 'Stimtone: Liverpool Street cash courier',
    offenceType: 'Money laundering (POCA s.327): cash couriering',
    occurredAt: '2026-05-14T19:00:00+01:00',
  }),
  addSubject(CASE.liverpoolStreet, {
    name: 'Callum Reid',
    role: 'respondent',
    dateOfBirth: '1999-12-11',
    occurredAt: '2026-05-14T19:05:00+01:00',
  }),

  openCase('NCA', {
    reference: CASE.heathrow,
    title: 'Stimtone: Heathrow cash couriers',
    offenceType: 'Money laundering (POCA s.327): cash couriering to Dubai',
    occurredAt: relative({ days: -92 }),
  }),
  addSubject(CASE.heathrow, {
    name: 'Aaron Pryce',
    role: 'respondent',
    dateOfBirth: '1996-03-27',
    occurredAt: relative({ days: -91, hours: 1 }),
  }),
  addSubject(CASE.heathrow, {
    name: 'Nadia Ferreira',
    role: 'respondent',
    dateOfBirth: '1994-10-05',
    occurredAt: relative({ days: -60, hours: 1 }),
  }),

  // The Big Wing day: cases opened in the week before it ----------------------------------------
  openCase('MPS', {
    reference: CASE.harrowRoad,
    title: 'Stimtone: Harrow Road cash-laundering network',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA ss.327-329)',
    occurredAt: '2026-11-12T10:00:00Z',
  }),
  addSubject(CASE.harrowRoad, {
    name: 'Daniel Okafor',
    role: 'suspect',
    dateOfBirth: '1988-04-12',
    occurredAt: '2026-11-12T10:05:00Z',
  }),
  addSubject(CASE.harrowRoad, {
    name: 'Grace Okafor',
    role: 'third_party',
    dateOfBirth: '1991-07-30',
    occurredAt: '2026-11-19T08:30:00Z',
  }),

  openCase('MPS', {
    reference: CASE.mayfair,
    title: 'Stimtone: Mayfair watch broker',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA s.327) through luxury watch trading',
    occurredAt: '2026-11-10T10:00:00Z',
  }),
  addSubject(CASE.mayfair, {
    name: 'Marcus Fenwick',
    role: 'suspect',
    dateOfBirth: '1979-02-18',
    occurredAt: '2026-11-10T10:05:00Z',
  }),

  openCase('MPS', {
    reference: CASE.tottenham,
    title: 'Stimtone: Tottenham cash house',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA s.327); possession with intent to supply',
    occurredAt: '2026-11-11T10:00:00Z',
  }),
  addSubject(CASE.tottenham, {
    name: 'Ryan Costello',
    role: 'suspect',
    dateOfBirth: '1992-01-09',
    occurredAt: '2026-11-11T10:05:00Z',
  }),

  openCase('MPS', {
    reference: CASE.hattonGarden,
    title: 'Stimtone: Hatton Garden gold purchases',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA s.327): cash purchases of bullion',
    occurredAt: '2026-11-13T10:00:00Z',
  }),
  addSubject(CASE.hattonGarden, {
    name: 'Leah Marsh',
    role: 'suspect',
    dateOfBirth: '1990-06-14',
    occurredAt: '2026-11-13T10:05:00Z',
  }),

  openCase('MPS', {
    reference: CASE.southall,
    title: 'Stimtone: Southall cash and jewellery',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA s.327)',
    occurredAt: '2026-11-12T11:00:00Z',
  }),
  addSubject(CASE.southall, {
    name: 'Liam Hartley',
    role: 'suspect',
    dateOfBirth: '1985-08-19',
    occurredAt: '2026-11-12T11:05:00Z',
  }),
  addSubject(CASE.southall, {
    name: 'Anita Hartley',
    role: 'third_party',
    dateOfBirth: '1961-02-07',
    occurredAt: '2026-11-19T09:00:00Z',
  }),

  openCase('MPS', {
    reference: CASE.croydon,
    title: 'Stimtone: Croydon car-wash front',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA s.327) through a cash business',
    occurredAt: '2026-11-12T12:00:00Z',
  }),
  addSubject(CASE.croydon, {
    name: 'Connor Doyle',
    role: 'suspect',
    dateOfBirth: '1989-03-02',
    occurredAt: '2026-11-12T12:05:00Z',
  }),

  openCase('NCA', {
    reference: CASE.stKatharine,
    title: 'Stimtone: yacht, cryptoassets and frozen accounts',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA s.327); fraud by false representation',
    occurredAt: '2026-10-05T09:00:00+01:00',
  }),
  addSubject(CASE.stKatharine, {
    name: 'James Hollis',
    role: 'suspect',
    dateOfBirth: '1975-11-02',
    occurredAt: '2026-10-05T09:10:00+01:00',
  }),
  addSubject(CASE.stKatharine, {
    name: 'Blue Meridian Marine Ltd',
    role: 'third_party',
    occurredAt: '2026-10-05T09:15:00+01:00',
  }),
  shareCase(CASE.stKatharine, {
    agency: 'MPS',
    reason: 'Joint investigation with MPS Central Specialist Crime for the Big Wing day',
    occurredAt: '2026-11-02T10:00:00Z',
  }),

  openCase('CoLP', {
    reference: CASE.leadenhall,
    title: 'Stimtone: Leadenhall Street money service business',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA s.328): unregistered money transmission',
    occurredAt: '2026-11-09T10:00:00Z',
  }),
  addSubject(CASE.leadenhall, {
    name: 'Adrian Kellett',
    role: 'suspect',
    dateOfBirth: '1983-05-21',
    occurredAt: '2026-11-09T10:05:00Z',
  }),
  addSubject(CASE.leadenhall, {
    name: 'Harbour FX Ltd',
    role: 'respondent',
    occurredAt: '2026-11-09T10:10:00Z',
  }),

  openCase('CoLP', {
    reference: CASE.bishopsgate,
    title: 'Stimtone: Bishopsgate safe deposit boxes',
    prosecutingAgency: CPS,
    offenceType: 'Money laundering (POCA s.327)',
    occurredAt: '2026-11-16T10:00:00Z',
  }),
  addSubject(CASE.bishopsgate, {
    name: 'Oliver Brandt',
    role: 'suspect',
    dateOfBirth: '1971-01-25',
    occurredAt: '2026-11-16T10:05:00Z',
  }),
];

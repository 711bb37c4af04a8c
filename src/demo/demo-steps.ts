import type { AddSubjectDto, OpenCaseDto, ShareCaseDto } from '../ledger/cases/http/case.dto';
import type { SeizeAssetDto } from '../ledger/assets/http/asset.dto';
import type {
  ApplyForForfeitureDto,
  ForfeitAssetDto,
  GiveForfeitureNoticeDto,
  ObjectToForfeitureDto,
  RealiseAssetDto,
  ReleaseAssetDto,
} from '../ledger/assets/http/disposal.dto';
import type {
  ChangeLegalBasisDto,
  OrderDetentionDto,
  TransferCustodyDto,
  ValueAssetDto,
  WithdrawValuationDto,
} from '../ledger/assets/http/holding.dto';
import type { Role } from '../common/actor';
import type {
  MakeConfiscationOrderDto,
  ReceivePaymentDto,
} from '../ledger/confiscation/http/confiscation.dto';
import type {
  AppointManagementReceiverDto,
  MakeRestraintOrderDto,
  VaryRestraintOrderDto,
} from '../ledger/restraint/http/restraint.dto';

/*
 * The vocabulary of the demonstration data: each step is one command as the API would receive it
 * (the body of its route), addressed to something an earlier step created. Ids are the server's,
 * so a body names earlier things by key (`ref.case('MPS/ECU/2026/0140')`), and a time that must
 * stay near the moment of loading (a detention about to expire) is written relative to it.
 */

/** The operation every demonstration case belongs to. */
export const OPERATION = 'Stimtone';

export type Agency = 'MPS' | 'CoLP' | 'NCA';

/** An offset from the moment of loading (rounded down to the hour); negative is in the past. */
export interface Offset {
  days?: number;
  hours?: number;
  minutes?: number;
}

/** The id an earlier step produced, by its key (`case:<reference>`, `asset:<exhibitRef>`, ...). */
export interface RefMarker {
  readonly $ref: string;
}

/** An instant relative to the moment of loading. */
export interface InstantMarker {
  readonly $instant: Offset;
}

/** The London date of an instant relative to the moment of loading. */
export interface DateMarker {
  readonly $date: Offset;
}

export type Marker = RefMarker | InstantMarker | DateMarker;

/** A request body in which any free string may be a marker, resolved when the step runs. */
export type Demo<T> = string extends T
  ? Exclude<T, string> | string | Marker
  : T extends readonly (infer U)[]
    ? Demo<U>[]
    : T extends object
      ? { [K in keyof T]: Demo<T[K]> }
      : T;

/** The body each kind of step sends (the DTO of its route). */
export interface StepBodies {
  openCase: OpenCaseDto;
  addSubject: AddSubjectDto;
  shareCase: ShareCaseDto;
  seize: SeizeAssetDto;
  changeLegalBasis: ChangeLegalBasisDto;
  transferCustody: TransferCustodyDto;
  orderDetention: OrderDetentionDto;
  value: ValueAssetDto;
  withdrawValuation: WithdrawValuationDto;
  giveForfeitureNotice: GiveForfeitureNoticeDto;
  objectToForfeiture: ObjectToForfeitureDto;
  applyForForfeiture: ApplyForForfeitureDto;
  forfeit: ForfeitAssetDto;
  release: ReleaseAssetDto;
  realise: RealiseAssetDto;
  makeRestraintOrder: MakeRestraintOrderDto;
  varyRestraintOrder: VaryRestraintOrderDto;
  appointManagementReceiver: AppointManagementReceiverDto;
  makeConfiscationOrder: MakeConfiscationOrderDto;
  receivePayment: ReceivePaymentDto;
}

export type StepKind = keyof StepBodies;

/**
 * One command. `target` is the key of what it acts on (a case, an asset, an order); `key` names
 * what it creates, for later steps. The acting agency defaults to the one that leads the case (or
 * recorded the asset); the role to the one the route is meant for.
 */
export type Step = {
  [K in StepKind]: {
    kind: K;
    target?: string;
    key?: string;
    /** withdrawValuation: the key of the valuation withdrawn. */
    valuation?: string;
    agency?: Agency;
    role?: Role;
    body: Demo<StepBodies[K]>;
  };
}[StepKind];

/** The demonstration, phase by phase (progress is reported per phase). */
export interface DemoPhase {
  name: string;
  steps: Step[];
}

// ---------------------------------------------------------------------------------------------
// Markers

export const ref = {
  case: (reference: string): RefMarker => ({ $ref: `case:${reference}` }),
  subject: (name: string): RefMarker => ({ $ref: `subject:${name}` }),
  asset: (exhibitRef: string): RefMarker => ({ $ref: `asset:${exhibitRef}` }),
  confiscation: (orderRef: string): RefMarker => ({ $ref: `confiscation:${orderRef}` }),
};

/** An instant relative to the moment of loading, e.g. `relative({ days: -91 })`. */
export const relative = (offset: Offset): InstantMarker => ({ $instant: offset });

/** The London date of an instant relative to the moment of loading. */
export const relativeDate = (offset: Offset): DateMarker => ({ $date: offset });

// ---------------------------------------------------------------------------------------------
// Step constructors (plain objects; the loader resolves markers and defaults)

export function openCase(agency: Agency, body: Demo<OpenCaseDto> & { reference: string }): Step {
  return {
    kind: 'openCase',
    key: `case:${body.reference}`,
    agency,
    body: { operation: OPERATION, leadAgency: agency, jurisdiction: 'E&W', ...body },
  };
}

export function addSubject(
  caseReference: string,
  body: Demo<AddSubjectDto> & { name: string },
): Step {
  return { kind: 'addSubject', target: `case:${caseReference}`, key: `subject:${body.name}`, body };
}

export function shareCase(caseReference: string, body: Demo<ShareCaseDto>): Step {
  return { kind: 'shareCase', target: `case:${caseReference}`, body };
}

/** A seizure; `agency` when another agency than the case's lead records it (a shared case). */
export function seize(body: Demo<SeizeAssetDto> & { exhibitRef: string }, agency?: Agency): Step {
  return { kind: 'seize', key: `asset:${body.exhibitRef}`, body, ...(agency && { agency }) };
}

type AssetStepKind = Exclude<
  StepKind,
  | 'openCase'
  | 'addSubject'
  | 'shareCase'
  | 'seize'
  | 'makeRestraintOrder'
  | 'varyRestraintOrder'
  | 'appointManagementReceiver'
  | 'makeConfiscationOrder'
  | 'receivePayment'
>;

/** A command on an asset named by its exhibit reference. */
export function onAsset<K extends AssetStepKind>(
  kind: K,
  exhibitRef: string,
  body: Demo<StepBodies[K]>,
  options: { key?: string; valuation?: string; role?: Role } = {},
): Step {
  return { kind, target: `asset:${exhibitRef}`, body, ...options } as Step;
}

export function makeRestraintOrder(body: Demo<MakeRestraintOrderDto> & { orderRef: string }): Step {
  return { kind: 'makeRestraintOrder', key: `restraint:${body.orderRef}`, body };
}

export function onRestraintOrder<K extends 'varyRestraintOrder' | 'appointManagementReceiver'>(
  kind: K,
  orderRef: string,
  body: Demo<StepBodies[K]>,
): Step {
  return { kind, target: `restraint:${orderRef}`, body } as Step;
}

export function makeConfiscationOrder(
  body: Demo<MakeConfiscationOrderDto> & { orderRef: string },
): Step {
  return { kind: 'makeConfiscationOrder', key: `confiscation:${body.orderRef}`, body };
}

export function receivePayment(orderRef: string, body: Demo<ReceivePaymentDto>): Step {
  return { kind: 'receivePayment', target: `confiscation:${orderRef}`, body };
}

// ---------------------------------------------------------------------------------------------
// Small helpers for the data

export const gbp = (amount: string) => ({ amount, currency: 'GBP' });
export const money = (amount: string, currency: string) => ({ amount, currency });

/** An exchange rate (GBP per unit) with its source and date. */
export const rate = (
  currency: string,
  rateToGbp: string,
  source: string,
  asAt: string | DateMarker,
) => ({
  currency,
  rateToGbp,
  source,
  asAt,
});

/**
 * The two detention orders of a civil-forfeiture seizure: the initial period (s.295 cash, s.303K
 * listed assets with a senior officer's authority, s.303Z29 cryptoassets), then a magistrates'
 * extension order made before it ran out.
 */
export function detain(
  exhibitRef: string,
  d: {
    /** When the initial detention was recorded. */
    recordedAt: string | InstantMarker;
    /** Listed assets: the senior officer who authorised 48 hours. */
    seniorOfficer?: string;
    court: string;
    orderRef: string;
    orderedAt: string | InstantMarker;
    expiresAt: string | InstantMarker;
  },
): Step[] {
  return [
    onAsset('orderDetention', exhibitRef, {
      kind: 'initial',
      ...(d.seniorOfficer && { authorisedBy: d.seniorOfficer, seniorOfficerAuthority: true }),
      occurredAt: d.recordedAt,
    }),
    onAsset(
      'orderDetention',
      exhibitRef,
      {
        kind: 'extension',
        orderRef: d.orderRef,
        court: d.court,
        expiresAt: d.expiresAt,
        occurredAt: d.orderedAt,
      },
      { role: 'court_liaison' },
    ),
  ];
}

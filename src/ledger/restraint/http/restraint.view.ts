import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MoneyDto } from '../../http/dto/money.dto';
import { RestraintState } from '../restraint.state';
import { RestraintEvent } from '../restraint.events';

export class RestraintExceptionView {
  @ApiProperty({ example: 'Reasonable living expenses' })
  purpose!: string;

  @ApiPropertyOptional({ type: MoneyDto })
  amountPerWeek?: MoneyDto;
}

export class ManagementReceiverView {
  @ApiProperty({ example: 'Grant Thornton UK LLP' })
  receiver!: string;

  @ApiProperty({ example: '2026-11-27', description: 'Date of appointment' })
  appointedAt!: string;
}

export class RestraintVariationView {
  @ApiProperty({ type: [String] })
  addedAssetIds!: string[];

  @ApiProperty({ type: [String] })
  removedAssetIds!: string[];

  @ApiPropertyOptional({
    type: [RestraintExceptionView],
    description: 'The exceptions the variation put in place (replacing the earlier ones)',
  })
  exceptions?: RestraintExceptionView[];

  @ApiProperty()
  reason!: string;

  @ApiProperty({ example: '2026-12-04T10:00:00.000Z' })
  occurredAt!: string;
}

export class RestraintDischargeView {
  @ApiProperty()
  reason!: string;

  @ApiProperty({ example: '2027-03-01T10:00:00.000Z' })
  occurredAt!: string;
}

/** `GET /restraint-orders/{id}`: the order as it stands, with its variations. */
export class RestraintOrderSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2', description: "The stream's revision; also the ETag" })
  revision!: string;

  @ApiProperty({ enum: ['active', 'discharged'] })
  status!: 'active' | 'discharged';

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ format: 'uuid' })
  subjectId!: string;

  @ApiProperty({ example: 'T20267001' })
  orderRef!: string;

  @ApiProperty({ example: 'Southwark Crown Court' })
  court!: string;

  @ApiProperty({ example: '2026-11-27', description: 'The date the order was made (London)' })
  madeOn!: string;

  @ApiProperty({ example: '2026-11-27T10:00:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ type: [String], description: 'The assets the order covers now' })
  assetIds!: string[];

  @ApiProperty()
  coversAllRealisableProperty!: boolean;

  @ApiProperty({ type: [RestraintExceptionView] })
  exceptions!: RestraintExceptionView[];

  @ApiProperty({ type: ManagementReceiverView, nullable: true })
  receiver!: ManagementReceiverView | null;

  @ApiProperty({ type: [RestraintVariationView] })
  variations!: RestraintVariationView[];

  @ApiProperty({ type: RestraintDischargeView, nullable: true })
  discharge!: RestraintDischargeView | null;
}

export function toRestraintSummary(
  id: string,
  state: RestraintState,
  events: RestraintEvent[],
  revision: bigint,
): RestraintOrderSummary {
  let occurredAt = '';
  let discharge: RestraintDischargeView | null = null;
  const variations: RestraintVariationView[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'RestraintOrderMade':
        occurredAt = event.data.occurredAt;
        break;
      case 'RestraintOrderVaried':
        variations.push({
          addedAssetIds: event.data.addedAssetIds,
          removedAssetIds: event.data.removedAssetIds,
          ...(event.data.exceptions && { exceptions: event.data.exceptions }),
          reason: event.data.reason,
          occurredAt: event.data.occurredAt,
        });
        break;
      case 'RestraintOrderDischarged':
        discharge = { reason: event.data.reason, occurredAt: event.data.occurredAt };
        break;
      default:
        break;
    }
  }
  return {
    id,
    revision: revision.toString(),
    status: state.discharged ? 'discharged' : 'active',
    caseId: state.caseId ?? '',
    subjectId: state.subjectId ?? '',
    orderRef: state.orderRef ?? '',
    court: state.court ?? '',
    madeOn: state.madeOn ?? '',
    occurredAt,
    assetIds: state.assetIds,
    coversAllRealisableProperty: state.coversAllRealisableProperty,
    exceptions: state.exceptions,
    receiver: state.receiver ?? null,
    variations,
    discharge,
  };
}

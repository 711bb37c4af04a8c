import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { MoneyDto, MoneyField } from '../../http/dto/money.dto';
import { NoNestedLists, Text } from '../../http/dto/validators';
import { PRIORITY_ORDER_KINDS, PriorityOrderKind } from '../confiscation.events';

/** The most directions one order may carry (a compensation order per victim, say). */
export const MAX_PRIORITY_DIRECTIONS = 50;

/** A s.13(6) direction: how much of a priority order (s.13(3A)) is paid out of sums recovered. */
export class PriorityDirectionDto {
  @ApiProperty({
    enum: PRIORITY_ORDER_KINDS,
    description:
      's.13(3A): compensation order, surcharge, unlawful profit order, slavery and trafficking reparation order',
  })
  @IsIn(PRIORITY_ORDER_KINDS)
  kind!: PriorityOrderKind;

  @MoneyField('The amount the court specifies (together with the others, at most the order)')
  amount!: MoneyDto;

  @Text(200, 'Who is paid', 'Victim Ltd')
  payee!: string;
}

/** The s.55(3)-(4) expenses applied first out of a receipt. */
export class ReceiptExpensesDto {
  @MoneyField("s.55(3): an insolvency practitioner's expenses (s.432)", true)
  insolvencyPractitioner?: MoneyDto;

  @MoneyField(
    "s.55(4)(a): the management receiver's (s.48) remuneration and expenses (sums from an enforcement receiver only)",
    true,
  )
  managementReceiver?: MoneyDto;

  @MoneyField(
    "s.55(4)(b): the enforcement receiver's (s.50) remuneration and expenses (sums from an enforcement receiver only)",
    true,
  )
  enforcementReceiver?: MoneyDto;
}

/** The `priorityDirections` field of the make and vary requests. */
export function PriorityDirections() {
  return function (target: object, key: string) {
    ApiPropertyOptional({
      type: [PriorityDirectionDto],
      description:
        's.13(6) directions for priority orders (s.13(3A)); they rank together, paid after the s.55(3)-(4) expenses; on a variation, replaces the directions other than `compensation`',
    })(target, key);
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(MAX_PRIORITY_DIRECTIONS)(target, key);
    NoNestedLists()(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => PriorityDirectionDto)(target, key);
  };
}

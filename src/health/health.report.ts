import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EventStoreHealth {
  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiProperty({ enum: ['sqlite', 'eventstoredb'] })
  kind!: 'sqlite' | 'eventstoredb';

  @ApiPropertyOptional({ example: 'head position 1042' })
  detail?: string;
}

export class ReadSideHealth {
  @ApiProperty({ example: 'asset-register' })
  name!: string;

  @ApiProperty({ example: true, description: 'Has caught up with the log since it started' })
  caughtUp!: boolean;

  @ApiProperty({
    example: '0',
    description: 'Positions between the head of the log and its checkpoint',
  })
  lag!: string;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ type: EventStoreHealth })
  eventStore!: EventStoreHealth;

  @ApiPropertyOptional({ type: [ReadSideHealth], description: 'Projections (read models)' })
  projections?: ReadSideHealth[];

  @ApiPropertyOptional({ type: [ReadSideHealth], description: 'Reactors (workflows)' })
  reactors?: ReadSideHealth[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EventStoreHealth {
  @ApiProperty({ example: true })
  ok!: boolean;

  @ApiProperty({ enum: ['sqlite', 'eventstoredb'] })
  kind!: 'sqlite' | 'eventstoredb';

  @ApiPropertyOptional({ example: 'head position 1042' })
  detail?: string;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ type: EventStoreHealth })
  eventStore!: EventStoreHealth;
}

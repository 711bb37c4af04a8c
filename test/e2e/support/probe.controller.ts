import { Body, Controller, Get, Inject, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsString, Matches, ValidateNested } from 'class-validator';
import { v4 as uuidv4 } from 'uuid';
import { EVENT_STORE, EventStore } from '@src/event-store/event-store.port';

class MoneyDto {
  @IsString()
  @Matches(/^-?\d+(\.\d+)?$/, { message: 'amount must be a decimal string' })
  amount!: string;

  @IsIn(['GBP', 'EUR'])
  currency!: string;
}

class ProbeDto {
  @IsString()
  exhibitRef!: string;

  @ValidateNested()
  @Type(() => MoneyDto)
  declared!: MoneyDto;
}

/** Routes that exist only in the e2e tests, to drive the filter and pipe as real routes will. */
@Controller('__probe')
class ProbeController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post('validated')
  async validated(@Body() body: ProbeDto) {
    const result = await this.store.append('probe-1', [
      { id: uuidv4(), type: 'Probed', data: { exhibitRef: body.exhibitRef } },
    ]);
    return { position: result.position };
  }

  @Post('conflict')
  async conflict() {
    await this.store.append('probe-2', [{ id: uuidv4(), type: 'A', data: {} }]);
    await this.store.append('probe-2', [{ id: uuidv4(), type: 'B', data: {} }], {
      expectedRevision: 'no_stream',
    });
  }

  @Get('boom')
  boom() {
    throw new Error('secret internal detail at /srv/ledger');
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}

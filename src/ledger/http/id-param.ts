import { NotFoundException, Param, PipeTransform } from '@nestjs/common';
import { validate as isUuid } from 'uuid';

/** An id in the path: anything that is not a UUID cannot name a thing in the ledger, so 404. */
class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundException(`No such resource: ${value.slice(0, 60)}`);
    return value.toLowerCase();
  }
}

export const IdParam = (name: string) => Param(name, new ParseIdPipe());

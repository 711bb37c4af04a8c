import { Param, PipeTransform } from '@nestjs/common';
import { ProblemException } from '../../common/http/problem.exception';
import { AGENCY_CODE } from './dto/validators';

class ParseAgencyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!AGENCY_CODE.test(value)) {
      throw ProblemException.validation([
        { path: 'agency', message: 'must be an agency code such as MPS or NCA' },
      ]);
    }
    return value;
  }
}

export const AgencyParam = (name: string) => Param(name, new ParseAgencyPipe());

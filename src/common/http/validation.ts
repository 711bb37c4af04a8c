import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '../problem';
import { ProblemException } from './problem.exception';

/** One entry per bad field, with its dotted path, its messages joined. */
export function fieldErrors(errors: ValidationError[]): FieldError[] {
  const byPath = new Map<string, string[]>();
  for (const { path, message } of flatten(errors)) {
    byPath.set(path, [...(byPath.get(path) ?? []), message]);
  }
  return [...byPath].map(([path, messages]) => ({ path, message: messages.join('; ') }));
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      message: message.startsWith(error.property)
        ? message.slice(error.property.length).trim() || message
        : message,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Whitelisted DTOs, unknown fields refused, every bad field named with its path. */
export function ledgerValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ProblemException.validation(fieldErrors(errors)),
  });
}

import { refuse } from '../common/domain-error';

/** A required text field of a command: a string with something other than spaces in it. */
export function requiredText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    refuse('invalid_state', 'is required', field);
  }
  return value;
}

import { UpcasterRegistry } from './upcaster-registry';

/**
 * The ledger's event schemas. Every event type is at version 1 unless listed here.
 *
 * CaseOpened v2: v1 events (written before Northern Ireland was supported) carry no
 * `jurisdiction`; every such case is England & Wales.
 */
export function ledgerUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry().register('CaseOpened', 2, {
    1: (data) => ({ ...data, jurisdiction: data.jurisdiction ?? 'E&W' }),
  });
}

import { currentPowerCode } from '../assets/asset.events';
import { UpcasterRegistry } from './upcaster-registry';

/**
 * The ledger's event schemas. Every event type is at version 1 unless listed here.
 *
 * CaseOpened v2: v1 events (written before Northern Ireland was supported) carry no
 * `jurisdiction`; every such case is England & Wales.
 *
 * AssetSeized v2, LegalBasisChanged v2: the cryptoasset power was recorded as
 * `POCA_S303Z21_CRYPTO` (the wrong section); it reads as `POCA_S303Z29_CRYPTO`.
 */
export function ledgerUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry()
    .register('CaseOpened', 2, {
      1: (data) => ({ ...data, jurisdiction: data.jurisdiction ?? 'E&W' }),
    })
    .register('AssetSeized', 2, {
      1: (data) => ({ ...data, power: currentPowerCode(data.power) as string }),
    })
    .register('LegalBasisChanged', 2, {
      1: (data) => ({
        ...data,
        from: currentPowerCode(data.from) as string,
        to: currentPowerCode(data.to) as string,
      }),
    });
}

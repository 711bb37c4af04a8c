import { ProjectionCatalog, tableNames } from '@src/projections/projection-catalog';
import { Projection } from '@src/projections/projection';
import { ReadModelDb } from '@src/projections/read-model-db';

/** Every row of every table of the live generation of each projection, in a canonical order. */
export function dumpReadModels(db: ReadModelDb, projections: readonly Projection[]): string {
  const catalog = new ProjectionCatalog(db);
  const out: Record<string, unknown> = {};
  for (const projection of projections) {
    const record = catalog.get(projection.name);
    if (!record) continue;
    const t = tableNames(record.generation);
    for (const table of projection.tables) {
      const columns = db.all<{ name: string }>(`PRAGMA table_info(${t(table)})`).length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      out[`${projection.name}/${table}`] = db.all(`SELECT * FROM ${t(table)} ORDER BY ${order}`);
    }
    out[`${projection.name}/checkpoint`] = record.checkpoint?.toString() ?? null;
  }
  return JSON.stringify(out, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

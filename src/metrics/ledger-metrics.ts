import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { ReactorRunner } from '../workflows/reactor-runner';

/** The last position in the log, or 0 for an empty log. */
export async function headPosition(store: EventStore): Promise<bigint> {
  for await (const e of store.readAll({
    fromPosition: 'end',
    direction: 'backwards',
    maxCount: 1,
  })) {
    return e.position;
  }
  return 0n;
}

export interface LagItem {
  name: string;
  checkpoint: bigint;
  lag: bigint;
  caughtUp: boolean;
}

/** How far each projection and reactor is behind the head of the log (in positions). */
export interface Lag {
  head: bigint;
  projections: LagItem[];
  reactors: LagItem[];
}

export async function lagOf(
  store: EventStore,
  projections: ProjectionRunner,
  reactors: ReactorRunner,
): Promise<Lag> {
  const head = await headPosition(store);
  const behind = (checkpoint: string | null) => {
    const at = checkpoint === null ? 0n : BigInt(checkpoint);
    return { checkpoint: at, lag: head > at ? head - at : 0n };
  };
  return {
    head,
    projections: projections
      .status()
      .map((p) => ({ name: p.name, ...behind(p.checkpoint), caughtUp: p.caughtUp })),
    reactors: reactors
      .status()
      .map((r) => ({ name: r.name, ...behind(r.checkpoint), caughtUp: r.caughtUp })),
  };
}

/**
 * The Prometheus metrics of one application (its own registry, so several apps in one process,
 * as in the tests, do not share counters): HTTP requests by route and status, the log head, and
 * each projection's and reactor's checkpoint and lag, read when scraped.
 */
export class LedgerMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly durations: Histogram<'method' | 'route'>;

  constructor(store: EventStore, projections: ProjectionRunner, reactors: ReactorRunner) {
    collectDefaultMetrics({ register: this.registry, prefix: 'poca_' });
    this.requests = new Counter({
      name: 'poca_http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.durations = new Histogram({
      name: 'poca_http_request_duration_seconds',
      help: 'HTTP request duration by method and route pattern',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    // The log head and the checkpoints are read once per scrape, shared by the gauges below
    // (prom-client collects them concurrently).
    let scrape: Promise<Lag> | undefined;
    const snapshot = () => {
      scrape ??= lagOf(store, projections, reactors).finally(() =>
        setImmediate(() => (scrape = undefined)),
      );
      return scrape;
    };
    const perItem = (name: string, help: string, value: (item: LagItem) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['kind', 'name'],
        registers: [this.registry],
        async collect() {
          const now = await snapshot();
          for (const kind of ['projection', 'reactor'] as const) {
            const list = kind === 'projection' ? now.projections : now.reactors;
            for (const item of list) this.set({ kind, name: item.name }, value(item));
          }
        },
      });
    new Gauge({
      name: 'poca_event_store_head_position',
      help: 'Position of the last event in the log',
      registers: [this.registry],
      async collect() {
        this.set(Number((await snapshot()).head));
      },
    });
    perItem('poca_checkpoint_position', 'Position each projection or reactor has applied', (i) =>
      Number(i.checkpoint),
    );
    perItem(
      'poca_lag_positions',
      'Positions between the head of the log and each projection or reactor checkpoint',
      (i) => Number(i.lag),
    );
    perItem(
      'poca_caught_up',
      '1 when a projection or reactor has caught up with the log since it started',
      (i) => (i.caughtUp ? 1 : 0),
    );
  }
}

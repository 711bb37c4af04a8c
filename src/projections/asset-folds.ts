import { AssetEvent } from '../ledger/assets/asset.events';
import { AssetState, evolve } from '../ledger/assets/asset.state';
import { ProjectedEvent } from './projection';

interface Folded {
  event: ProjectedEvent;
  before: AssetState;
  after: AssetState;
}

/**
 * One fold of each asset for every projection that folds assets with the domain's `evolve`
 * (register, deadlines, totals: `ledgerProjections()` gives them one instance). A rebuild hands the
 * same event object to every projection in turn; the first to fold it keeps the result here, and
 * the next, holding the very same state before it (the previous result, shared the same way),
 * takes that result instead of folding again: `evolve` is pure, so the same state and the same
 * event give the same state. Anything else (another event object, a state read back from a table)
 * is simply folded again. In a rebuild of every projection each event is folded once, not three
 * times; live followers (each with its own copy of the event) fold for themselves.
 *
 * It also remembers each state's JSON (states are never mutated: `evolve` makes a new one), so the
 * projections that store a state serialise it once between them.
 */
export class AssetFolds {
  private readonly latest = new Map<string, Folded>();
  private readonly texts = new WeakMap<AssetState, string>();

  constructor(private readonly capacity = 256) {}

  /** `evolve(before, event)`, or the same fold done a moment ago by another projection. */
  after(event: ProjectedEvent, before: AssetState): AssetState {
    const known = this.latest.get(event.streamId);
    if (known !== undefined && known.event === event && known.before === before) return known.after;
    const after = evolve(before, { type: event.type, data: event.data } as unknown as AssetEvent);
    if (known !== undefined) this.latest.delete(event.streamId);
    else if (this.latest.size >= this.capacity)
      this.latest.delete(this.latest.keys().next().value as string);
    this.latest.set(event.streamId, { event, before, after });
    return after;
  }

  /** `JSON.stringify(state)`, once per state. */
  json(state: AssetState): string {
    let text = this.texts.get(state);
    if (text === undefined) {
      text = JSON.stringify(state);
      this.texts.set(state, text);
    }
    return text;
  }
}

import { AssetEvent } from '../ledger/assets/asset.events';
import { AssetState, evolve } from '../ledger/assets/asset.state';
import { ProjectedEvent } from './projection';

interface Folded {
  before: AssetState;
  after: AssetState;
}

/**
 * One fold of each asset for every projection that folds assets with the domain's `evolve`
 * (register, deadlines, totals: `ledgerProjections()` gives them one instance). A rebuild and the
 * live feed hand the same event object to every projection; the first to fold it keeps the result
 * here (keyed by the event object, so it goes when the batch does), and the next, holding the very
 * same state before it (the previous result, shared the same way), takes that result instead of
 * folding again: `evolve` is pure, so the same state and the same event give the same state.
 * Anything else (a state read back from a table) is simply folded again. So each event is folded
 * once, not three times, in whatever order the projections take the batch.
 *
 * It also remembers each state's JSON (states are never mutated: `evolve` makes a new one), so the
 * projections that store a state serialise it once between them.
 */
export class AssetFolds {
  private readonly folded = new WeakMap<ProjectedEvent, Folded>();
  private readonly texts = new WeakMap<AssetState, string>();

  /** `evolve(before, event)`, or the same fold done a moment ago by another projection. */
  after(event: ProjectedEvent, before: AssetState): AssetState {
    const known = this.folded.get(event);
    if (known !== undefined && known.before === before) return known.after;
    const after = evolve(before, { type: event.type, data: event.data } as unknown as AssetEvent);
    this.folded.set(event, { before, after });
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

import { basesOverlap } from './scopes-overlap';

/**
 * The scopes of running tasks, indexed by top-level path segment so a candidate is compared
 * only with the entries that share its first segment (plus whole-repo entries), not with all.
 */
export class ScopeIndex {
  readonly #buckets = new Map<string, Map<string, string[]>>();
  readonly #bases = new Map<string, string[]>();

  /** Adds a running task by the static bases of its scope entries (see `scopeBase`). */
  add(id: string, bases: readonly string[]): void {
    this.#bases.set(id, [...bases]);
    for (const base of bases) {
      const key = segment(base);
      let bucket = this.#buckets.get(key);
      if (bucket === undefined) this.#buckets.set(key, (bucket = new Map()));
      const list = bucket.get(id);
      if (list === undefined) bucket.set(id, [base]);
      else list.push(base);
    }
  }

  remove(id: string): void {
    const bases = this.#bases.get(id);
    if (bases === undefined) return;
    this.#bases.delete(id);
    for (const base of bases) {
      const key = segment(base);
      const bucket = this.#buckets.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) this.#buckets.delete(key);
    }
  }

  /** The id of a task whose scope overlaps this one (smallest id, for determinism), or null. */
  conflict(bases: readonly string[]): string | null {
    let found: string | null = null;
    const consider = (bucket: Map<string, string[]> | undefined, base: string) => {
      if (bucket === undefined) return;
      for (const [id, bases] of bucket)
        if ((found === null || id < found) && bases.some((other) => basesOverlap(base, other)))
          found = id;
    };
    for (const base of bases) {
      if (base === '') {
        for (const bucket of this.#buckets.values()) consider(bucket, base);
      } else {
        consider(this.#buckets.get(segment(base)), base);
        consider(this.#buckets.get(''), base);
      }
    }
    return found;
  }
}

function segment(base: string): string {
  const slash = base.indexOf('/');
  return slash < 0 ? base : base.slice(0, slash);
}

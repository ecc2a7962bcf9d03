import picomatch from 'picomatch';

/** The static part of a scope entry: `src/ui/**\/*.ts` -> `src/ui`, `docs/` -> `docs`, `.` -> ``. */
export function scopeBase(entry: string): string {
  const normal = normalize(entry);
  const scan = picomatch.scan(normal);
  const base = scan.isGlob ? scan.base : normal;
  return base === '.' ? '' : base.replace(/\/+$/, '');
}

/** Whether a scope entry is a glob rather than a plain path. */
export function isGlobScope(entry: string): boolean {
  return picomatch.scan(normalize(entry)).isGlob;
}

/**
 * Whether two scope entries may touch the same file. Paths overlap when one is a path prefix of
 * the other; a glob is compared by its static base, conservatively: `src/**\/*.ts` and
 * `src/ui/x.css` overlap, because proving two globs disjoint is not worth a wrong answer.
 */
export function scopeEntriesOverlap(a: string, b: string): boolean {
  return basesOverlap(scopeBase(a), scopeBase(b));
}

/** Whether any entry of one scope overlaps any entry of the other. */
export function scopesOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((left) => b.some((right) => scopeEntriesOverlap(left, right)));
}

/** Whether a changed file (repo-relative, `/`-separated) lies inside a scope. */
export function isInScope(file: string, scope: readonly string[]): boolean {
  return scope.some((entry) => {
    const normal = normalize(entry);
    if (!isGlobScope(normal)) {
      const base = scopeBase(normal);
      return base === '' || file === base || file.startsWith(`${base}/`);
    }
    return picomatch.isMatch(file, normal, { dot: true });
  });
}

/** Whether two static bases are equal or one is a path prefix of the other. */
export function basesOverlap(a: string, b: string): boolean {
  if (a === '' || b === '' || a === b) return true;
  return a.length < b.length ? b.startsWith(`${a}/`) : a.startsWith(`${b}/`);
}

function normalize(entry: string): string {
  return (
    entry
      .trim()
      .replace(/\\/g, '/')
      .replace(/^\.\/+/, '')
      .replace(/^\/+/, '') || '.'
  );
}

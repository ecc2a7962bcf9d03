/**
 * Serialises a value as canonical JSON: object keys sorted recursively (by UTF-16 code units),
 * 2-space indent, LF line endings and a trailing newline. `undefined` object members are dropped,
 * as JSON.stringify does, so equal data always gives identical bytes.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value, new Set()), null, 2)}\n`;
}

function sortKeys(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) throw new TypeError('canonicalJson: cannot serialise a circular structure');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => sortKeys(item, seen));
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      return sortKeys((value as { toJSON(): unknown }).toJSON(), seen);
    }
    // fromEntries defines own properties, so a key named __proto__ stays data, as in JSON.
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key], seen)]),
    );
  } finally {
    seen.delete(value);
  }
}

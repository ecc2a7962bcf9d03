/** What replaces a reference back to an object that is still being copied. */
export const CIRCULAR = '[Circular]';

/** What replaces a property or `toJSON` that threw while being read. */
export const UNREADABLE = '[Unreadable]';

/** An Error as rc writes it: never the stack, which can quote arguments and file contents. */
interface SerialisedError {
  name: string;
  message: string;
  code?: unknown;
  cause?: unknown;
}

/**
 * A deep copy of `value` with every string, key included, passed through `redact`, shaped the way
 * `JSON.stringify` would see it: `toJSON` is applied, objects keep their own enumerable keys.
 */
export function redactValue(value: unknown, redact: (text: string) => string): unknown {
  return copy(value, redact, new Set<object>());
}

function copy(value: unknown, redact: (text: string) => string, path: Set<object>): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (path.has(value)) return CIRCULAR;
  path.add(value);
  try {
    if (value instanceof Error) return copyError(value, redact, path);
    if (Array.isArray(value)) return value.map((item: unknown) => copy(item, redact, path));
    const toJson = read(value, 'toJSON');
    if (typeof toJson === 'function') {
      return copy(
        attempt(() => (toJson as () => unknown).call(value)),
        redact,
        path,
      );
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      define(out, redact(key), copy(read(value, key), redact, path));
    }
    return out;
  } finally {
    // Only ancestors count as cycles; the same object twice side by side is copied twice.
    path.delete(value);
  }
}

function copyError(error: Error, redact: (text: string) => string, path: Set<object>): unknown {
  const out: SerialisedError = {
    name: redact(String(read(error, 'name'))),
    message: redact(String(read(error, 'message'))),
  };
  const code = read(error, 'code');
  if (code !== undefined) out.code = copy(code, redact, path);
  const cause = read(error, 'cause');
  if (cause !== undefined) out.cause = copy(cause, redact, path);
  return out;
}

// Plain assignment of a `__proto__` key would set the prototype instead of copying the field.
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function read(target: object, key: string): unknown {
  return attempt(() => (target as Record<string, unknown>)[key]);
}

// A throwing getter or toJSON must not stop a log line from being written.
function attempt(get: () => unknown): unknown {
  try {
    return get();
  } catch {
    return UNREADABLE;
  }
}

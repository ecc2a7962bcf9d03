import type { Redactor } from '../redact/create-redactor';

/** Keys every line starts with; fields of the same name cannot overwrite them. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['ts', 'level', 'msg']);

/** What a log line is made of before it is serialised. */
export interface LogRecord {
  ts: string;
  level: string;
  msg: string;
  fields: Record<string, unknown>;
}

/**
 * One redacted JSON line ending in `\n`: `ts`, `level` and `msg` first, then the fields. Values are
 * redacted before serialising and the whole line again after, so a secret that only appears once
 * serialised (split over a key and its value, or JSON-escaped) is caught too.
 */
export function formatLogLine(record: LogRecord, redactor: Redactor): string {
  const head = { ts: record.ts, level: record.level, msg: redactor.redact(record.msg) };
  let json: string;
  try {
    const fields = redactor.redactValue(record.fields);
    const entries = [
      ...Object.entries(head),
      ...Object.entries(fields).filter(([key]) => !RESERVED_KEYS.has(key)),
    ];
    // Joined by hand because a JS object lists integer-like keys ("0") before `ts`.
    const parts: string[] = [];
    for (const [key, value] of entries) {
      const written = member(key, value);
      if (written !== undefined) parts.push(written);
    }
    json = `{${parts.join(',')}}`;
  } catch {
    // A log call must never throw (a Proxy with throwing traps, a stack-deep object): say so.
    json = JSON.stringify({ ...head, log_error: 'fields could not be serialised' });
  }
  return `${redactor.redact(json)}\n`;
}

// `"key":value`, or undefined for a value JSON leaves out (undefined), as JSON.stringify does.
function member(key: string, value: unknown): string | undefined {
  const json = JSON.stringify(value, toJsonSafe) as string | undefined;
  return json === undefined ? undefined : `${JSON.stringify(key)}:${json}`;
}

// JSON.stringify throws on BigInt and silently drops functions and symbols; write them as text.
function toJsonSafe(_key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
    case 'symbol':
      return value.toString();
    default:
      return value;
  }
}

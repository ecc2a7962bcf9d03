import { createRedactor, type Redactor } from '../redact/create-redactor';
import type { Clock } from '../time/clock';
import { formatPhoenix } from '../time/phoenix';
import { formatLogLine } from './_format-log-line';

/** Log levels, least severe first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** How severe a log line is. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Fields attached to a log line: context such as `command`, `issue_number` or `run_id`. */
export type LogFields = Record<string, unknown>;

/** Where log lines go: `process.stderr`, a file stream, or an array in a test. */
export interface LogStream {
  write(chunk: string): unknown;
}

/** Options for `createLogger`. */
export interface LoggerOptions {
  /** Receives each line as one `write` call, the JSON followed by `\n`. */
  stream: LogStream;
  /** The source of each line's `ts`, written in Phoenix time. */
  clock: Clock;
  /**
   * Every line passes through it, fields before serialising and the line after.
   * @default createRedactor() (secrets from process.env and GitHub token shapes)
   */
  redactor?: Redactor;
  /**
   * Lines below this level are not written.
   * @default 'info'
   */
  level?: LogLevel;
  /**
   * Fields written on every line, after `ts`, `level` and `msg` and before each call's fields.
   * @default {}
   */
  fields?: LogFields;
}

/** A structured logger writing one redacted JSON line per call. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  /** An `error` field is written as `{ name, message, code?, cause? }`, never with its stack. */
  error(msg: string, fields?: LogFields & { error?: unknown }): void;
  /** A logger writing to the same stream with `fields` added to (and overriding) these. */
  child(fields: LogFields): Logger;
}

/** A logger writing JSON lines `{"ts","level","msg",...fields}` to `options.stream`. */
export function createLogger(options: LoggerOptions): Logger {
  const { stream, clock, level = 'info', fields = {} } = options;
  const redactor = options.redactor ?? createRedactor();
  const threshold = LOG_LEVELS.indexOf(level);

  const write = (lineLevel: LogLevel, msg: string, callFields: LogFields = {}): void => {
    if (LOG_LEVELS.indexOf(lineLevel) < threshold) return;
    const record = {
      ts: formatPhoenix(clock()),
      level: lineLevel,
      msg,
      fields: { ...fields, ...callFields },
    };
    stream.write(formatLogLine(record, redactor));
  };

  return {
    debug: (msg, callFields) => write('debug', msg, callFields),
    info: (msg, callFields) => write('info', msg, callFields),
    warn: (msg, callFields) => write('warn', msg, callFields),
    error: (msg, callFields) => write('error', msg, callFields),
    child: (childFields) =>
      createLogger({ stream, clock, redactor, level, fields: { ...fields, ...childFields } }),
  };
}

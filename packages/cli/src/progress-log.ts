import {
  createLogger,
  createRedactor,
  InvalidInputError,
  type LogFields,
  type LogLevel,
} from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';

/** `--log-format`: `auto` is text on a terminal and JSON lines anywhere else (CI logs). */
const LOG_FORMATS = ['auto', 'text', 'json'] as const;

/** Seconds between heartbeats when neither `--heartbeat` nor `RC_HEARTBEAT_S` says. */
const DEFAULT_HEARTBEAT_S = 60;

/** Options of {@link createProgressLog}, as the command line gives them. */
export interface ProgressLogOptions {
  /** One of {@link LOG_FORMATS}. @default 'auto' */
  logFormat?: string;
  /** Seconds between heartbeats; 0 turns them off. @default $RC_HEARTBEAT_S, then 60 */
  heartbeat?: string;
}

/** Beat of a heartbeat: what to say, given how long the step has run. */
type Heartbeat = (elapsedMs: number) => { text: string; fields?: LogFields };

/** Progress lines of a long command on stderr: text for people or JSON lines for machines. */
export interface ProgressLog {
  readonly format: 'text' | 'json';
  /**
   * One event. Text: `text` as one line. JSON: one redacted line
   * `{"ts","level","msg":text,"event":event,...fields}`.
   */
  event(event: string, text: string, fields?: LogFields, level?: LogLevel): void;
  /**
   * Repeats `beat` as a `heartbeat` event every interval until the returned function is called,
   * but only when stderr is not a terminal: a CI log then shows a quiet step is still alive.
   */
  heartbeat(beat: Heartbeat): () => void;
}

/** Resolves the format and the interval (exit 2 for a bad one) and writes to `io.stderr`. */
export function createProgressLog(options: ProgressLogOptions, io: CliIo): ProgressLog {
  const tty = io.isStderrTTY?.() ?? false;
  const format =
    (options.logFormat ?? 'auto') === 'auto' ? (tty ? 'text' : 'json') : options.logFormat;
  const intervalMs = heartbeatSeconds(options.heartbeat, io.env) * 1000;
  const logger = createLogger({
    stream: io.stderr,
    clock: io.clock,
    redactor: createRedactor({ env: io.env }),
    level: 'debug',
  });
  const event: ProgressLog['event'] = (name, text, fields = {}, level = 'info') => {
    if (format === 'json') logger[level](text, { event: name, ...fields });
    else io.stderr.write(`${text}\n`);
  };
  return {
    format: format === 'json' ? 'json' : 'text',
    event,
    heartbeat(beat) {
      if (tty || intervalMs === 0) return () => undefined;
      const started = io.clock().getTime();
      const timer = setInterval(() => {
        const elapsed = io.clock().getTime() - started;
        const { text, fields = {} } = beat(elapsed);
        event('heartbeat', text, { ...fields, elapsed_ms: elapsed });
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

function heartbeatSeconds(
  option: string | undefined,
  env: Record<string, string | undefined>,
): number {
  const fromEnv = env['RC_HEARTBEAT_S'];
  const [text, where] =
    option !== undefined
      ? [option, '--heartbeat']
      : fromEnv !== undefined && fromEnv !== ''
        ? [fromEnv, 'RC_HEARTBEAT_S']
        : [String(DEFAULT_HEARTBEAT_S), ''];
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds < 0)
    throw new InvalidInputError(
      `${where}: expected seconds between heartbeats (0 turns them off), got "${text}"`,
    );
  return seconds;
}

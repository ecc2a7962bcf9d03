import { once } from 'node:events';
import type { Readable, Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createRedactor, type TextRedactor } from '@rc/orchestrator-core';
import { execa } from 'execa';
import { classifyExit, type ExitOutcome } from './classify-exit';
import { awaitEnding } from './_await-ending';
import { killProcessTree } from './_kill-process-tree';
import { longestSecret } from './_longest-secret';
import { outputEnds } from './_output-holders';
import { OutputScanner } from './_output-scanner';
import { LineSplitter } from './_line-splitter';
import { redactingStream } from './_redacting-stream';

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  /** Executable, looked up on PATH. */
  file: string;
  /** Arguments, passed as they are (no shell). @default [] */
  args?: readonly string[];
  /** Working directory. */
  cwd: string;
  /** The whole environment of the command; nothing else is inherited. @default process.env */
  env?: Record<string, string | undefined>;
  /** A file whose content is piped to stdin. @default null (stdin is empty) */
  stdinFile?: string | null;
  /**
   * The transcript: stdout and stderr are streamed into this file as they arrive, so memory stays
   * flat however much the command prints. Created exclusively: an existing file is never overwritten.
   */
  logFile: string;
  /**
   * Append to `logFile` (creating it when missing) instead of creating it exclusively: for a
   * caller that writes its own header first or keeps several commands in one transcript.
   * Existing content is still never overwritten. @default false
   */
  appendLog?: boolean;
  /** Stop the process tree after this many ms. @default null (no limit) */
  timeoutMs?: number | null;
  /**
   * Stop it after this many ms without progress: any output, or with `onLine` only the lines it
   * calls progress. @default null
   */
  idleTimeoutMs?: number | null;
  /**
   * Called with every whole line of (redacted) output and the stream it came on; returns whether
   * the line shows progress (see `idleOnProgressOnly`). @default null
   */
  onLine?: ((line: string, stream: 'stdout' | 'stderr') => boolean) | null;
  /**
   * Restart the idle clock only for lines `onLine` calls progress, instead of for any output: a
   * CLI printing retry notices while it cannot reach its server is not making progress.
   * @default false
   */
  idleOnProgressOnly?: boolean;
  /** Aborting stops the process tree; the outcome is `killed`. */
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL when stopping. @default 2000 */
  killGraceMs?: number;
  /** Whole output lines to look for (e.g. a completion marker); found ones come back in `seenLines`. @default [] */
  watchLines?: readonly string[];
  /**
   * Scrubs the transcript before it reaches `logFile` (and the tail in the result), however the
   * output is split into reads.
   * @default createRedactor({ env }): values of the command's secret-named variables and GitHub
   * token shapes never land in a transcript.
   */
  redactor?: TextRedactor & { readonly longestSecret?: number };
  /**
   * The longest literal text `redactor` masks (a secret or an encoded form of it). The transcript
   * holds back this many characters until more output arrives, so a secret split between two
   * reads is still masked whole.
   * @default `redactor.longestSecret` (a redactor from `createRedactor` knows it); for another
   * redactor, the longest value of a secret-named variable in `env` or its JSON-escaped form
   */
  longestSecret?: number;
  /**
   * After the command exits, how long its output may take to end. A descendant that left the
   * process group (setsid, a daemon) can hold the output open for ever: past this grace the
   * command has ended anyway, what is left of its process group is killed, the output is cut and
   * the result says how many processes held it (`heldOpenBy`). @default 1000
   */
  outputGraceMs?: number;
  /** How much of the output's end to keep for messages. @default 16384 */
  tailChars?: number;
}

/** What happened to a command run by {@link runCommand}. */
export interface CommandResult {
  outcome: ExitOutcome;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  /** The last `tailChars` characters of output. */
  tail: string;
  /** The watched lines that appeared. */
  seenLines: string[];
  /**
   * 0 when the output ended with the command. Otherwise processes that escaped its process group
   * still held the output open after it exited, and their output was cut: how many (counted on
   * Linux through /proc), or null when they could not be counted.
   */
  heldOpenBy: number | null;
  /** One line saying how it ended, for humans. */
  message: string;
}

/**
 * Runs a command in its own process group with its transcript streamed to `logFile`, per-run and
 * idle timeouts that kill the whole tree, and a classified exit. It ends when the command exits
 * (or a limit stops it), whatever its descendants do. Never rejects for the command's own
 * failure; rejects only when the log file cannot be created.
 */
export async function runCommand(options: RunCommandOptions): Promise<CommandResult> {
  await mkdir(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: options.appendLog ? 'a' : 'wx' });
  await once(log, 'open');
  const scanner = new OutputScanner(options.watchLines ?? [], options.tailChars ?? 16_384);
  const started = performance.now();
  const child = execa(options.file, [...(options.args ?? [])], {
    cwd: options.cwd,
    ...(options.env === undefined ? {} : { env: options.env, extendEnv: false }),
    ...(options.stdinFile ? { inputFile: options.stdinFile } : { stdin: 'ignore' as const }),
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    detached: true,
    reject: false,
    encoding: 'utf8',
  });
  const ends = outputEnds(child.pid);

  let exited = false;
  let stoppedBy: 'timeout' | 'idle_timeout' | 'abort' | null = null;
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (reason: 'timeout' | 'idle_timeout' | 'abort') => {
    // Once the command has exited, a limit has nothing left to stop.
    if (stoppedBy !== null || exited) return;
    stoppedBy = reason;
    killProcessTree(child.pid, 'SIGTERM');
    killTimer = setTimeout(
      () => killProcessTree(child.pid, 'SIGKILL'),
      options.killGraceMs ?? 2000,
    );
  };
  const timeout = options.timeoutMs
    ? setTimeout(() => stop('timeout'), options.timeoutMs)
    : undefined;
  const idle = options.idleTimeoutMs
    ? setTimeout(() => stop('idle_timeout'), options.idleTimeoutMs)
    : undefined;
  const onAbort = () => stop('abort');
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const env = options.env ?? process.env;
  const redactor = options.redactor ?? createRedactor({ env });
  const overlap = options.longestSecret ?? redactor.longestSecret ?? longestSecret(env);
  const outputs: [Readable, Transform][] = [];
  const onLine = options.onLine ?? null;
  const progressOnly = onLine !== null && options.idleOnProgressOnly === true;
  const splitters: LineSplitter[] = [];
  for (const [name, stream] of [
    ['stdout', child.stdout],
    ['stderr', child.stderr],
  ] as const) {
    if (!stream) continue;
    const scrubbed = stream.pipe(redactingStream({ redactor, overlap }));
    outputs.push([stream, scrubbed]);
    if (!progressOnly) stream.on('data', () => idle?.refresh());
    const splitter =
      onLine === null
        ? null
        : new LineSplitter((line) => {
            if (onLine(line, name) && progressOnly && !exited) idle?.refresh();
          });
    if (splitter !== null) splitters.push(splitter);
    scrubbed.on('data', (chunk: string) => {
      scanner.push(String(chunk));
      splitter?.push(String(chunk));
    });
    // pipe() honours back-pressure: a fast writer waits for the disk instead of filling memory.
    scrubbed.pipe(log, { end: false });
  }

  const ending = await awaitEnding(child, {
    ends,
    graceMs: options.outputGraceMs ?? 1000,
    onExit: () => {
      exited = true;
      clearTimeout(timeout);
      clearTimeout(idle);
    },
  });
  const cut = ending.heldOpenBy !== 0;
  if (cut) {
    // What is left of the group belongs to this command; what escaped it is only cut off.
    killProcessTree(child.pid, 'SIGKILL');
    for (const [stream, scrubbed] of outputs) {
      stream.unpipe(scrubbed);
      stream.destroy();
      scrubbed.end();
    }
  }
  // The last of the output may still be in the redacting transforms: let it reach the log first.
  await Promise.all(outputs.map(([, scrubbed]) => finished(scrubbed).catch(() => undefined)));
  clearTimeout(timeout);
  clearTimeout(idle);
  clearTimeout(killTimer);
  options.signal?.removeEventListener('abort', onAbort);
  // The group may hold grandchildren that outlived the leader; they belong to this command.
  if (stoppedBy !== null) killProcessTree(child.pid, 'SIGKILL');
  scanner.finish();
  for (const splitter of splitters) splitter.finish();
  const held = cut ? heldOpenNote(ending.heldOpenBy) : null;
  if (held !== null) {
    const newline = scanner.tail === '' || scanner.tail.endsWith('\n') ? '' : '\n';
    log.write(`${newline}# rc: ${held}\n`);
  }
  log.end();
  await once(log, 'close');

  const { exitCode, signal, errorCode } = ending;
  const outcome = classifyExit({ exitCode, signal, errorCode, stoppedBy });
  const message = describe(outcome, options, exitCode, signal);
  return {
    outcome,
    exitCode,
    signal,
    durationMs: Math.round(performance.now() - started),
    tail: scanner.tail,
    seenLines: [...scanner.seen],
    heldOpenBy: ending.heldOpenBy,
    message: held === null ? message : `${message}; ${held}`,
  };
}

function heldOpenNote(holders: number | null): string {
  const who = holders === null ? 'descendant processes' : `${holders} descendant process(es)`;
  return `${who} still held the output open after it exited; their output was cut`;
}

function describe(
  outcome: ExitOutcome,
  options: RunCommandOptions,
  exitCode: number | null,
  signal: string | null,
): string {
  switch (outcome) {
    case 'success':
      return `${options.file} exited 0`;
    case 'failure':
      return `${options.file} exited ${exitCode}`;
    case 'timeout':
      return `${options.file} ran longer than ${options.timeoutMs} ms and was stopped`;
    case 'idle_timeout':
      return `${options.file} printed nothing for ${options.idleTimeoutMs} ms and was stopped`;
    case 'killed':
      return `${options.file} was stopped by ${signal ?? 'an interrupt'}`;
    case 'not_found':
      return `${options.file}: command not found or not executable (check PATH)`;
  }
}

import type { TextRedactor } from '@rc/orchestrator-core';
import type { AgentBackend } from './agent-backend';
import { createAgentOutputReader } from './agent-output';
import type { AgentUsage } from './agent-report';
import { classifyAgentFailure, type AgentFailure } from './classify-agent-failure';
import { buildAgentInvocation } from './resolve-agent-backend';
import { runCommand, type CommandResult } from './run-command';

/** Options of {@link runAgent}. */
export interface RunAgentOptions {
  /** The resolved backend, from `resolveAgentBackend`. */
  backend: AgentBackend;
  /** The prompt file: piped to stdin or passed as `{prompt_file}`. */
  promptFile: string;
  /** Working directory: the tree the agent may read or edit. */
  cwd: string;
  /** The agent's whole environment; rc adds `RC_AGENT_PERMISSIONS`. @default process.env */
  env?: Record<string, string | undefined>;
  /** The transcript (stdout and stderr, redacted), created exclusively unless `appendLog`. */
  logFile: string;
  /** @default false */
  appendLog?: boolean;
  /** @default null (no limit) */
  timeoutMs?: number | null;
  /**
   * Stop the agent after this many ms without progress. For the JSON formats only events count:
   * retry and reconnect notices do not, so a network stall ends the turn. @default null
   */
  idleTimeoutMs?: number | null;
  signal?: AbortSignal;
  /** @default 2000 */
  killGraceMs?: number;
  /**
   * The completion marker. It counts only as a whole line of the agent's final message (for a
   * text agent, its last non-empty stdout line): never on stderr, never in an echoed prompt.
   * @default null (nothing to look for)
   */
  completionMarker?: string | null;
  /** @default createRedactor({ env }) */
  redactor?: TextRedactor & { readonly longestSecret?: number };
}

/** What happened to one agent run. */
export interface AgentRunResult extends CommandResult {
  /** The agent's own last message, or null when it gave none. */
  finalMessage: string | null;
  /** Tokens and cost the CLI reported, or null when it reports none (text output). */
  usage: AgentUsage | null;
  /** True when the completion marker is a whole line of the final message. */
  done: boolean;
  /** An authentication, trust, quota or network failure, with what to do about it. */
  failure: AgentFailure | null;
}

const STDERR_LINES = 20;

/**
 * Runs an agent CLI on one prompt: its output read in its own format (progress for the idle
 * clock, final message, usage), completion judged from the final message, and a failure the user
 * has to act on classified into one line. Never rejects for the agent's own failure.
 */
export async function runAgent(options: RunAgentOptions): Promise<AgentRunResult> {
  const { backend } = options;
  const invocation = buildAgentInvocation(backend, options.promptFile);
  const reader = createAgentOutputReader(backend.output);
  const stderr: string[] = [];
  const env = { ...(options.env ?? process.env), RC_AGENT_PERMISSIONS: backend.permissions };
  // Stops the agent early when its output shows it is retrying something hopeless.
  const giveUp = new AbortController();
  const signal =
    options.signal === undefined ? giveUp.signal : AbortSignal.any([options.signal, giveUp.signal]);
  const result = await runCommand({
    file: invocation.file,
    args: invocation.args,
    cwd: options.cwd,
    env,
    stdinFile: invocation.stdinFile,
    logFile: options.logFile,
    appendLog: options.appendLog ?? false,
    timeoutMs: options.timeoutMs ?? null,
    idleTimeoutMs: options.idleTimeoutMs ?? null,
    signal,
    ...(options.killGraceMs === undefined ? {} : { killGraceMs: options.killGraceMs }),
    ...(options.redactor === undefined ? {} : { redactor: options.redactor }),
    // A text agent's every output chunk is progress; a JSON agent's only its events.
    idleOnProgressOnly: backend.output !== 'text',
    onLine: (line, stream) => {
      if (stream === 'stdout') {
        const progress = reader.line(line);
        if (reader.report().hopeless !== null && !giveUp.signal.aborted) giveUp.abort();
        return progress;
      }
      if (line.trim() !== '') stderr.push(line);
      if (stderr.length > STDERR_LINES) stderr.shift();
      // JSON agents report progress on stdout; stderr is where they log retries.
      return false;
    },
  });
  const report = reader.report();
  const marker = options.completionMarker ?? null;
  const done =
    marker !== null &&
    report.finalMessage !== null &&
    report.finalMessage.split(/\r?\n/).some((line) => line.trim() === marker);
  const gaveUp = giveUp.signal.aborted && options.signal?.aborted !== true;
  const failed = result.outcome !== 'success' || report.error !== null;
  const failure =
    failed && (result.outcome !== 'killed' || gaveUp)
      ? classifyAgentFailure({
          preset: backend.preset,
          exitCode: result.exitCode,
          text: [report.error ?? '', ...report.notices, ...stderr].join('\n'),
        })
      : null;
  const base = { ...result, finalMessage: report.finalMessage, usage: report.usage, failure };
  if (failure !== null && result.outcome !== 'timeout') {
    return { ...base, outcome: 'failure', done: false, message: failure.message };
  }
  if (gaveUp) {
    const why = report.hopeless ?? 'a hopeless retry';
    return {
      ...base,
      outcome: 'failure',
      done: false,
      message: `${invocation.file} stopped: ${why}`,
    };
  }
  if (result.outcome === 'success' && report.error !== null) {
    const error = report.error.split('\n')[0] ?? report.error;
    return {
      ...base,
      outcome: 'failure',
      done: false,
      message: `${invocation.file} reported an error: ${error}`,
    };
  }
  return { ...base, done: result.outcome === 'success' && done };
}

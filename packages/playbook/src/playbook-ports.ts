import type { AgentBackend, AgentFailure, AgentUsage } from '@rc/exec';

/**
 * What the playbook runner needs from the process edge. rc's default is {@link createExecPorts}
 * (`@rc/exec`: own process groups, streamed transcripts, classified exits); tests may wrap it.
 */
export interface PlaybookPorts {
  /** Runs an agent and appends everything it prints to `logFile`. Never throws for a bad exit. */
  runAgent(request: AgentRequest): Promise<AgentResult>;
  /** Runs `git <args>` in `cwd`. Never throws for a bad exit. */
  git(args: readonly string[], cwd: string): Promise<ProcessResult>;
  /** Runs one shell command (a task's check), appending its output to `logFile`. Never throws for a bad exit. */
  runCheck(request: CheckRequest): Promise<ProcessResult>;
}

/** One agent run. */
export interface AgentRequest {
  /** The agent CLI, from `resolveAgentBackend` (preset arguments, output format, permissions). */
  backend: AgentBackend;
  /** The execution card: piped to stdin, or passed where the template says `{prompt_file}`. */
  promptFile: string;
  cwd: string;
  /** Added to the environment the ports were made with. */
  env: Readonly<Record<string, string>>;
  /** The agent's process tree is killed after this long. */
  timeoutMs: number;
  /** Where stdout and stderr go (appended; created when missing). */
  logFile: string;
  /** Aborting kills the agent's process tree (Ctrl-C). */
  signal?: AbortSignal;
}

/** How an agent run ended, and what it reported. */
export interface AgentResult extends ProcessResult {
  /** Tokens and cost the CLI reported, or null when it reports none (text output). */
  usage: AgentUsage | null;
  /** The agent's own last message, or null. */
  finalMessage: string | null;
  /** An authentication, trust, quota or network failure no retry can fix, or null. */
  failure: AgentFailure | null;
}

/** One check run. */
export interface CheckRequest {
  /** A shell command line, run with `sh -c`. */
  command: string;
  cwd: string;
  /** The task's transcript: the command line, its output and exit are appended. */
  logFile: string;
  signal?: AbortSignal;
}

/** How a process ended. */
export interface ProcessResult {
  /** Exit code; null when killed by a signal, a timeout or an abort; 127 when it could not start. */
  exitCode: number | null;
  /** For git, its stdout; for an agent or a check, the end of its interleaved output. */
  stdout: string;
  /** For git, its stderr; for an agent or a check, why it could not start (else empty). */
  stderr: string;
  /** Killed because it ran longer than allowed (or went silent too long). */
  timedOut: boolean;
  /** Killed because the run was aborted. */
  aborted: boolean;
}

import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runAgent, runCommand, runGit, type CommandResult } from '@rc/exec';
import type { PlaybookPorts, ProcessResult } from './playbook-ports';

/** Options of {@link createExecPorts}. */
export interface CreateExecPortsOptions {
  /** Environment for every process; nothing else is inherited. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Stop an agent that prints nothing for this long. @default null (only the run timeout) */
  agentIdleTimeoutMs?: number | null;
  /** Time between SIGTERM and SIGKILL when stopping a process tree. @default 2000 */
  killGraceMs?: number;
}

// A check's evidence keeps at most 2,000 characters; a little more leaves room for the cut.
const CHECK_TAIL = 16_384;

/**
 * Playbook ports on `@rc/exec`: agents run by `runAgent` (output read in the CLI's format for
 * usage and a classified failure), checks by `runCommand` (own process group,
 * transcript appended to the task's log, timeouts and Ctrl-C stop the whole tree), git by
 * `runGit` (no prompts). Never throws for a bad exit.
 */
export function createExecPorts(options: CreateExecPortsOptions = {}): PlaybookPorts {
  const env = { ...(options.env ?? process.env) };
  const common = { killGraceMs: options.killGraceMs ?? 2000 };
  // Git is not safe to drive concurrently on one repository (`worktree add` races on
  // .git/worktrees, merges on the index): git calls take turns; agents and checks still overlap.
  let gitTurn: Promise<unknown> = Promise.resolve();
  return {
    async runAgent(request) {
      const result = await runAgent({
        ...common,
        backend: request.backend,
        promptFile: request.promptFile,
        cwd: request.cwd,
        env: { ...env, ...request.env },
        logFile: request.logFile,
        appendLog: true,
        timeoutMs: request.timeoutMs,
        idleTimeoutMs: options.agentIdleTimeoutMs ?? null,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      return {
        ...(await toProcessResult(result, request.logFile, request.signal)),
        usage: result.usage,
        finalMessage: result.finalMessage,
        failure: result.failure,
      };
    },
    git(args, cwd) {
      const run = gitTurn.then(async () => {
        const output = await runGit(args, { cwd, env, allowFailure: true });
        return { ...output, timedOut: false, aborted: false };
      });
      gitTurn = run.catch(() => undefined);
      return run;
    },
    async runCheck(request) {
      await mkdir(dirname(request.logFile), { recursive: true });
      await appendFile(request.logFile, `\n$ ${request.command}\n`);
      const result = await runCommand({
        ...common,
        file: 'sh',
        args: ['-c', request.command],
        cwd: request.cwd,
        env,
        logFile: request.logFile,
        appendLog: true,
        tailChars: CHECK_TAIL,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      });
      const processResult = await toProcessResult(result, request.logFile, request.signal);
      await appendFile(request.logFile, `# ${result.message}\n`);
      return processResult;
    },
  };
}

async function toProcessResult(
  result: CommandResult,
  logFile: string,
  signal: AbortSignal | undefined,
): Promise<ProcessResult> {
  const timedOut = result.outcome === 'timeout' || result.outcome === 'idle_timeout';
  // `killed` is also what a signal from elsewhere gives; only our own abort counts as aborted.
  const aborted = result.outcome === 'killed' && signal?.aborted === true;
  if (result.outcome === 'not_found') {
    // Nothing ran, so the transcript would be silent about why: say it there too.
    await appendFile(logFile, `${result.message}\n`);
    return { exitCode: 127, stdout: result.tail, stderr: result.message, timedOut, aborted };
  }
  return {
    exitCode: result.outcome === 'success' || result.outcome === 'failure' ? result.exitCode : null,
    stdout: result.tail,
    stderr: '',
    timedOut,
    aborted,
  };
}

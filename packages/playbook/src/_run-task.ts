import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPhoenix, type PlaybookConfig } from '@rc/orchestrator-core';
import type { AgentUsage } from '@rc/exec';
import { agentBackend, agentTitle } from './agent-invocation';
import { harvestTask, type Harvest } from './harvest-task';
import type { AgentResult, PlaybookPorts } from './playbook-ports';
import type { PlaybookTask } from './playbook-task';
import { releaseRiskFiles, type ReplanSignals } from './replan-task';
import { renderExecutionCard } from './render-execution-card';
import { addWorktree, git, worktreeExists } from './_worktree';

/** Everything one task run produced, before merging and re-planning. */
export interface TaskRun {
  task: PlaybookTask;
  harvest: Harvest;
  agentExitCode: number | null;
  /** Why the agent's failure is terminal (not found, or the pattern its output matched), or null. */
  terminal: string | null;
  aborted: boolean;
  /** Tokens and cost the agent reported, or null (a text agent, or not run). */
  usage: AgentUsage | null;
  signals: ReplanSignals;
  worktree: string;
  log: string;
  startedAt: string;
  finishedAt: string;
  /** How long the task took, by the context's clock. */
  durationMs: number;
}

/** What {@link runTask} needs besides the task. */
export interface RunTaskContext {
  repo: string;
  stateDir: string;
  config: PlaybookConfig;
  ports: PlaybookPorts;
  clock: () => Date;
  /** Scope entries of every task, for the card's prohibited areas. */
  allScopes: readonly string[];
  signal?: AbortSignal;
}

const SIGNAL = (name: string) => new RegExp(`^RC-SIGNAL:\\s*${name}\\b`, 'im');

/** Runs one task in its own worktree on `rc/<id>`: card, agent, log, harvest. */
export async function runTask(task: PlaybookTask, context: RunTaskContext): Promise<TaskRun> {
  const { repo, stateDir, config, ports } = context;
  const start = context.clock();
  const startedAt = formatPhoenix(start);
  const branch = `rc/${task.id}`;
  const worktree = join(stateDir, 'worktrees', task.id);
  const log = join(stateDir, 'logs', `${task.id}.log`);
  const base = (await git(ports, ['rev-parse', 'HEAD'], repo)).stdout.trim();
  await mkdir(join(stateDir, 'logs'), { recursive: true });
  await writeFile(
    log,
    `# rc playbook: task ${task.id} on ${branch} from ${base.slice(0, 12)}, started ${startedAt}\n`,
  );
  const finish = (
    harvest: Harvest,
    agent: AgentResult | null,
    extra: Partial<TaskRun> = {},
  ): TaskRun => {
    const end = context.clock();
    const output = agent === null ? '' : `${agent.stdout}\n${agent.stderr}`;
    const lower = output.toLowerCase();
    const terminal = agent === null ? null : terminalError(agent, lower, config);
    return {
      task,
      harvest,
      agentExitCode: agent?.exitCode ?? null,
      terminal,
      aborted: agent?.aborted ?? false,
      usage: agent?.usage ?? null,
      signals: {
        unclearCriteria:
          task.done_criteria.trim() === '' || SIGNAL('unclear-criteria').test(output),
        designConflict: SIGNAL('design-conflict').test(output),
        // The release check itself is how risk is handled; it does not raise it again.
        releaseRisk:
          task.skill !== config.skills.release &&
          (SIGNAL('release-risk').test(output) ||
            releaseRiskFiles(harvest.changed_files, config.replan.release_risk_paths).length > 0),
      },
      worktree,
      log,
      startedAt,
      finishedAt: formatPhoenix(end),
      durationMs: end.getTime() - start.getTime(),
      ...extra,
    };
  };
  const notRun = (evidence: string): Harvest => ({
    result: 'fail',
    evidence,
    diff_stat: '',
    changed_files: [],
    out_of_scope: [],
    checks: [],
  });
  if (task.done_criteria.trim() === '') {
    await appendFile(log, 'not run: the done criteria are empty\n');
    return finish(notRun('not run: done criteria are empty'), null);
  }
  await addWorktree(ports, repo, worktree, branch, base);
  const card = renderExecutionCard({
    task,
    branch,
    agent: agentTitle(config.agent),
    prohibited: [...new Set(context.allScopes.filter((entry) => !task.scope.includes(entry)))],
  });
  const cardFile = join(stateDir, 'cards', `${task.id}.md`);
  await mkdir(join(stateDir, 'cards'), { recursive: true });
  await writeFile(cardFile, card);
  // Someone may have removed the worktree meanwhile (a cleanup job, a person): never run elsewhere.
  if (!(await worktreeExists(ports, worktree))) {
    await appendFile(log, `not run: worktree ${worktree} is missing\n`);
    return finish(notRun('not run: worktree missing'), null);
  }
  const agent = await ports.runAgent({
    backend: agentBackend(config.agent),
    promptFile: cardFile,
    cwd: worktree,
    env: { RC_TASK_ID: task.id, RC_CARD_FILE: cardFile, RC_WORKTREE: worktree, RC_BRANCH: branch },
    timeoutMs: config.agent.timeout_ms,
    logFile: log,
    signal: context.signal,
  });
  const { skills } = config;
  const review =
    task.parent !== null &&
    [skills.release, skills.requirements, skills.architect].includes(task.skill);
  const harvest = await harvestTask({
    ports,
    task,
    worktree,
    base,
    agent,
    signal: context.signal,
    allowNoChanges: review,
    logFile: log,
  });
  return finish(harvest, agent);
}

// A missing agent (127) or one whose output names an authentication or quota failure cannot
// succeed on a retry or a re-planned task: the batch stops instead.
function terminalError(agent: AgentResult, output: string, config: PlaybookConfig): string | null {
  // An authentication, trust, quota or network failure the agent's CLI reported, in one line.
  if (agent.failure !== null) return agent.failure.message;
  if (agent.exitCode === 0 || agent.aborted) return null;
  if (agent.exitCode === 127)
    return `agent not found or not executable (exit 127${agent.stderr.trim() === '' ? '' : `: ${agent.stderr.trim().split('\n')[0]}`})`;
  const pattern = config.terminal_error_patterns.find((candidate) =>
    output.includes(candidate.toLowerCase()),
  );
  return pattern === undefined ? null : `agent output says "${pattern}"`;
}

import { relative } from 'node:path';
import {
  canonicalJson,
  createRedactor,
  formatRunId,
  InterruptedError,
  LimitReachedError,
  RUN_ID_PATTERN,
  InvalidInputError,
} from '@rc/orchestrator-core';
import { parseAgentOption, runPlaybook } from '@rc/playbook';
import type { CliIo } from '../cli-io';
import { loadPlaybookConfig, loadPlaybookPlan } from './playbook-common';

/** Options of `rc playbook run`. */
export interface PlaybookRunOptions {
  concurrency?: string;
  agent?: string;
  task?: string;
  config?: string;
  runId?: string;
  runner?: string;
  /** `--no-merge` sets false: leave passed branches unmerged (a fan-out runner pushes them). */
  merge?: boolean;
  json?: boolean;
}

/** `rc playbook run FILE`: exit 0 when every task passed and merged, 1 otherwise, 130 on Ctrl-C. */
export async function playbookRun(
  file: string,
  options: PlaybookRunOptions,
  io: CliIo,
): Promise<number> {
  const config = await loadPlaybookConfig(options, io);
  const plan = await loadPlaybookPlan(file, io);
  const agent =
    options.agent === undefined
      ? config.agent
      : { ...config.agent, ...parseAgentOption(options.agent) };
  if (agent.preset === 'custom' && agent.command === null)
    throw new InvalidInputError(
      'playbook.agent.command: required when the preset is custom (or pass --agent)',
    );
  const runId = options.runId ?? (io.env['PHOENIX_RUN_ID'] || formatRunId(io.clock()));
  if (!RUN_ID_PATTERN.test(runId))
    throw new InvalidInputError(`--run-id: "${runId}" is not YYYY-MM-DDTHH-mm-ss-0700`);
  const show = (path: string) => relative(io.cwd, path) || '.';
  const result = await runPlaybook({
    plan,
    repo: io.cwd,
    config: { ...config, agent },
    env: io.env,
    clock: io.clock,
    runId,
    redactor: createRedactor({ env: io.env }),
    signal: io.signal,
    only: options.task ?? null,
    merge: options.merge ?? true,
    runner: options.runner ?? (io.env['RUNNER_NAME'] || null),
    onEvent: (event) => {
      if (event.type === 'skip')
        io.stderr.write(
          `skip   ${event.task}: ${event.standing.state}${event.standing.commit === null ? '' : ` as ${event.standing.commit.slice(0, 12)}`} by an earlier run\n`,
        );
      else if (event.type === 'start') io.stderr.write(`start  ${event.task} on ${event.branch}\n`);
      else if (event.type === 'finish')
        io.stderr.write(
          `${event.entry.result.padEnd(6)} ${event.entry.task_id}: ${event.entry.evidence} -> ${event.entry.next_action}\n`,
        );
      // A terminal error (a missing agent, authentication, quota) is said here, not only in a log.
      else io.stderr.write(`stop   ${event.reason}\n`);
    },
  });
  if (options.json)
    io.stdout.write(
      canonicalJson({
        run_id: runId,
        plan: result.plan,
        skipped: result.skipped,
        up_to_date: result.upToDate,
        succeeded: result.succeeded,
        stopped: result.stopped,
        usage: result.usage,
        unstarted: result.unstarted,
        held: result.held,
        entries: result.entries,
        ledger: show(result.ledger),
        ledger_markdown: show(result.ledgerMarkdown),
        logs: show(result.logsDir),
      }),
    );
  else {
    const lines = result.entries.map(
      (entry) =>
        `  ${entry.task_id.padEnd(14)} ${entry.result.padEnd(8)} ${entry.merge.padEnd(9)} ${entry.next_action}`,
    );
    io.stdout.write(
      [
        result.upToDate
          ? `playbook ${plan.source} (plan ${result.plan}): every task already passed and merged; nothing to do`
          : `playbook ${plan.source} (plan ${result.plan}, run ${runId}): ${result.succeeded ? 'every task passed' : 'not every task passed'}`,
        ...(result.skipped.length > 0 && !result.upToDate
          ? [`  already merged by an earlier run: ${result.skipped.join(', ')}`]
          : []),
        ...(result.stopped === null ? [] : [`  stopped: ${result.stopped.detail}`]),
        ...lines,
        ...(result.unstarted.length > 0 ? [`  not started: ${result.unstarted.join(', ')}`] : []),
        ...(result.held.length > 0
          ? [`  merges held for a release check: ${result.held.join(', ')}`]
          : []),
        `  ledger  ${show(result.ledger)} (rendered: ${show(result.ledgerMarkdown)})`,
        `  logs    ${show(result.logsDir)}/<task>.log`,
        '',
      ].join('\n'),
    );
  }
  if (result.stopped?.reason === 'budget-spent')
    throw new LimitReachedError(
      `playbook stopped: ${result.stopped.detail} (playbook.limits); what ran is in the ledger`,
    );
  if (result.stopped?.reason === 'interrupted')
    throw new InterruptedError(
      'playbook interrupted; what ran is in the ledger, run again to resume',
    );
  return result.succeeded ? 0 : 1;
}

import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io';
import type { PlaybookInitOptions } from './playbook-init';
import type { PlaybookLedgerOptions } from './playbook-ledger';
import type { PlaybookMergeOptions } from './playbook-merge';
import type { PlaybookPlanOptions } from './playbook-plan';
import type { PlaybookRunOptions } from './playbook-run';
import type { PlaybookStatusOptions } from './playbook-status';
import { heartbeatOption, logFormatOption } from './progress-options';

const CONFIG = [
  '--config <file>',
  'orchestration.yaml to read (default: the nearest one from here up to the git root; paths in it are relative to it)',
] as const;
const CONCURRENCY = [
  '--concurrency <n>',
  'tasks at once (default: playbook.concurrency, 2)',
] as const;

/** Registers `rc playbook plan|run|status|ledger|init`; implementations load only when run. */
export function registerPlaybook(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
  sub: (parent: Command, name: string) => Command,
): void {
  const playbook = sub(program, 'playbook').description(
    'parallel dispatch of a master plan: scope-disjoint tasks, an evidence ledger, re-planning',
  );
  sub(playbook, 'plan')
    .description('parse a master plan and print when each task would run; writes nothing')
    .argument('<file>', 'master plan: Markdown with a Branch Backlog table (with Scope), or YAML')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'mermaid', 'github-matrix'])
        .default('table'),
    )
    .option(...CONCURRENCY)
    .option(...CONFIG)
    .addHelpText(
      'after',
      `
A task starts as soon as its dependencies passed and no running task's scope overlaps its own
(path prefix or glob). github-matrix prints {"include":[{task, skill, wave, depends_on}]} for a
workflow's strategy.matrix: run one task per runner with "rc playbook run FILE --task ID".

Examples:
  rc playbook plan plan.md
  rc playbook plan plan.md --format mermaid > plan.mmd`,
    )
    .action(async (file: string, options: PlaybookPlanOptions) =>
      done(await (await import('./playbook-plan')).playbookPlan(file, options, io)),
    );
  sub(playbook, 'run')
    .description(
      'run the tasks: one git worktree and branch rc/<id> each, harvest, squash merge, ledger, re-plan',
    )
    .argument('<file>', 'master plan (Markdown or YAML)')
    .option(...CONCURRENCY)
    .option(
      '--agent <preset|command>',
      'codex, claude, gemini, or a command template, no shell (default: playbook.agent)',
    )
    .option(
      '--task <id>',
      "run only this task (one fan-out runner): its dependencies' rc/<id> branches are merged first",
    )
    .option(
      '--no-merge',
      'leave passed branches unmerged (a fan-out runner pushes rc/<id> instead)',
    )
    .option('--run-id <id>', 'run id for the ledger (default: $PHOENIX_RUN_ID, then now)')
    .option('--runner <name>', 'who ran it, recorded in the ledger (default: $RUNNER_NAME)')
    .option('--json', 'print the ledger entries and paths as JSON')
    .option(...CONFIG)
    .addOption(logFormatOption())
    .addOption(heartbeatOption())
    .addHelpText(
      'after',
      `
Progress goes to stderr (skip, start with the task's log, pass/partial/fail with its duration,
stop), and while tasks run a heartbeat line when stderr is not a terminal: text lines on a
terminal, JSON lines elsewhere (CI), or as --log-format says.
Before the first task, preflight checks that the agent is installed and executable, the repository
has a commit and a clean checkout, and every check command exists (exit 2 with the fix otherwise).
Passed work is squash-merged into the checkout's branch (a conflict is recorded, never forced); the
commit carries the trailers Rc-Playbook: <plan hash> and Rc-Task: <id>. Running the same plan again
resumes it: merged tasks are skipped, interrupted and failed ones run again, nothing merges twice,
and a plan that fully passed does nothing and says so. Logs: .orchestrator/logs/<task>.log; ledger: .orchestrator/ledger.ndjson and
ledger.md. A custom agent command gets the execution card on stdin and in $RC_CARD_FILE.
Exit codes: 0 every task passed, 1 a task did not pass or the batch stopped on a terminal agent
error (quota, authentication) or the agent cannot start (not logged in), 2 bad plan or config,
4 the agents' reported usage reached playbook.limits (nothing more started), 130 interrupted
(what ran is recorded).

Examples:
  rc playbook run plan.md --concurrency 2 --agent codex
  rc playbook run plan.md --task P1-UI-01 --runner "$RUNNER_NAME"`,
    )
    .action(async (file: string, options: PlaybookRunOptions) =>
      done(await (await import('./playbook-run')).playbookRun(file, options, io)),
    );
  sub(playbook, 'status')
    .description(
      'show where each task of a master plan stands: merged, interrupted, failed, pending',
    )
    .argument('<file>', 'master plan (Markdown or YAML)')
    .option('--json', 'print the plan hash and each task as JSON')
    .option(...CONFIG)
    .addHelpText(
      'after',
      `
A run is identified by the plan's content hash. A task is merged when a commit carrying its
trailers (Rc-Playbook: <plan>, Rc-Task: <id>) is in the integration branch; "rc playbook run"
skips merged tasks and runs the rest. Writes nothing.

Example:
  rc playbook status plan.md`,
    )
    .action(async (file: string, options: PlaybookStatusOptions) =>
      done(await (await import('./playbook-status')).playbookStatus(file, options, io)),
    );
  sub(playbook, 'merge')
    .description(
      "fan-in of a fan-out run: fold the runners' ledgers in and squash-merge passed rc/<id> branches in dependency order",
    )
    .argument('<file>', 'master plan (Markdown or YAML)')
    .option(
      '--ledgers <dir...>',
      "the runners' ledgers (a ledger.ndjson, a state dir, or a checkout)",
    )
    .option('--run-id <id>', 'run id for the ledger (default: $PHOENIX_RUN_ID, then now)')
    .option('--runner <name>', 'who merged, recorded in the ledger (default: $RUNNER_NAME)')
    .option(...CONFIG)
    .addHelpText(
      'after',
      `
The checkout must be clean, with the runners' branches fetched
(git fetch origin '+refs/heads/rc/*:refs/heads/rc/*'). A task is merged when its runner's last
ledger entry passed and its dependencies are merged; a task already merged (its Rc-Task trailer is
in the branch) is left alone, so running it again changes nothing. Prints the merged ledger
(Markdown, for $GITHUB_STEP_SUMMARY). Exit 0 when every task is merged, 1 otherwise, 1 on a
merge conflict (the checkout is reset).

Example:
  rc playbook merge plan.md --ledgers evidence/*/`,
    )
    .action(async (file: string, options: PlaybookMergeOptions) =>
      done(await (await import('./playbook-merge')).playbookMerge(file, options, io)),
    );
  sub(playbook, 'ledger')
    .description(
      "print the evidence ledger (the seed's table) or merge the ledgers of several runners",
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['markdown', 'json'])
        .default('markdown'),
    )
    .option('--merge <dir...>', 'ledgers to fold in (a ledger.ndjson, a state dir, or a checkout)')
    .option(...CONFIG)
    .addHelpText(
      'after',
      `
Example:
  rc playbook ledger --merge artifacts/runner-1 artifacts/runner-2 > ledger.md`,
    )
    .action(async (options: PlaybookLedgerOptions) =>
      done(await (await import('./playbook-ledger')).playbookLedger(options, io)),
    );
  sub(playbook, 'init')
    .description(
      'write the playbook templates: master plan, dispatch ticket, execution card, evidence ledger',
    )
    .option('--dir <dir>', 'where to write them', 'playbook')
    .option('--force', 'overwrite templates that are already there')
    .addHelpText('after', '\nExample:\n  rc playbook init --dir docs/playbook')
    .action(async (options: PlaybookInitOptions) =>
      done(await (await import('./playbook-init')).playbookInit(options, io)),
    );
}

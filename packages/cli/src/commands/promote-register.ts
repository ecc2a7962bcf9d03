import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io';
import type { PromoteOptions } from './promote-run';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Registers `rc promote`. */
export function registerPromote(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
  sub: (parent: Command, name: string) => Command,
): void {
  sub(program, 'promote')
    .description(
      'promotion rollout of one stage: dry_run (preview), apply, rollback, or release a hold; gated by the decision and governance',
    )
    .requiredOption('--mode <mode>', 'dry_run | apply | rollback | release')
    .requiredOption('--stage <stage>', 'a stage from promotion.stages (e.g. canary, stable)')
    .option(
      '--candidate <version>',
      'VERSION or VERSION@sha256:DIGEST (required for dry_run and apply; for rollback, the current version)',
    )
    .option('--intent <text>', 'why; a first word promote/rollback/release must match the mode')
    .option('--idempotency-key <key>', 'default: derived from run id, stage, mode and candidate')
    .option(
      '--trace-id <id>',
      'forwarded to the applier and every artifact (default: $RC_TRACE_ID, then derived)',
    )
    .option('--signals <file>', 'signals JSON (default: promotion.signals_file)')
    .option('--actor <login>', 'who asks (default: $GITHUB_ACTOR)')
    .option('--approvals <n>', 'approvals counted elsewhere (e.g. an environment review)')
    .option(
      '--approver <login>',
      'a named approver (a GitHub login, compared as GitHub does: case-insensitively); repeat for more; the actor never counts',
      collect,
    )
    .option(
      '--change-ticket <id>',
      'change ticket, checked against governance.change_ticket_pattern',
    )
    .option(
      '--run-id <id>',
      'run id (YYYY-MM-DDTHH-mm-ss-0700); default: $PHOENIX_RUN_ID, then now',
    )
    .option('--now <iso>', 'fix the clock (ISO-8601; no offset means Phoenix time)')
    .option(
      '--config <file>',
      'orchestration.yaml to read (default: the nearest one from here up to the git root; paths in it are relative to it)',
    )
    .option(
      '--fail-on-block',
      'dry_run: exit 1, saying why, when the apply would be blocked (result.blocked_by is not empty)',
    )
    .addOption(new Option('--json', 'print {result, artifacts, duplicate, recovered} as JSON'))
    .addHelpText(
      'after',
      `
Writes <promotion.artifacts_dir>/<run-id>/promotion-orchestrate-result.json and summary.md (also
appended to the GitHub step summary in Actions). apply runs only when the decision is promote and
governance passes; rollback returns to the last known-good version and holds the stage until
--mode release. Exit 0 done, 1 blocked or failed (state unchanged; with --fail-on-block, also a
dry run whose apply would be blocked), 2 invalid input, unknown
stage/mode or no promotion.applier configured, 3 a promotion of the stage is already in flight or the key was used for another change.

Example:
  rc promote --mode dry_run --stage canary --candidate 1.4.0 --intent "promote 1.4.0"
  rc promote --mode dry_run --stage canary --candidate 1.4.0 --intent "promote 1.4.0" --fail-on-block
  rc promote --mode apply --stage canary --candidate 1.4.0 --intent "promote 1.4.0" --actor alice`,
    )
    .action(async (options: PromoteOptions) =>
      done(await (await import('./promote-run')).promote(options, io)),
    );
}

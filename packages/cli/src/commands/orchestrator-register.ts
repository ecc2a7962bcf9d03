import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io';
import type { PlanOptions } from './_plan-from-input';
import { withEventOptions } from './_event-options';
import type { OrchestratorPromptOptions } from './orchestrator-prompt';
import type { DispatchOptions } from './orchestrator-dispatch';
import type { OrchestratorParseOptions } from './orchestrator-parse';

/** `rc orchestrator parse|plan|dispatch`. */
export function registerOrchestrator(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
  sub: (parent: Command, name: string) => Command,
): void {
  const orchestrator = sub(program, 'orchestrator').description(
    'parse, plan and dispatch /orchestrate commands',
  );
  withEventOptions(
    sub(orchestrator, 'parse').description(
      'print the /orchestrate command a GitHub event carries, as JSON',
    ),
  )
    .addHelpText(
      'after',
      '\nExample:\n  rc orchestrator parse --event-path examples/events/issue-comment-orchestrate.json',
    )
    .action(async (options: OrchestratorParseOptions) =>
      done(await (await import('./orchestrator-parse')).orchestratorParse(options, io)),
    );

  const withPlanOptions = (command: Command) =>
    withEventOptions(command)
      .option(
        '--run-id <id>',
        'run id (YYYY-MM-DDTHH-mm-ss-0700); default: $PHOENIX_RUN_ID, then now',
      )
      .option('--now <iso>', 'fix the clock (ISO-8601; no offset means Phoenix time)')
      .option(
        '--artifacts-dir <dir>',
        'where artifacts go (default: dispatch.artifacts_dir, artifacts/orchestrator)',
      )
      .option('--json', 'print JSON instead of a summary');
  withPlanOptions(
    sub(orchestrator, 'plan').description(
      'parse and plan the command (issue -> helper prompt -> workflow); write <artifacts>/<run-id>/plan.json',
    ),
  )
    .addHelpText(
      'after',
      `
The same inputs and run id give a byte-identical plan.json; a different plan over an existing run
id exits 3 and changes nothing.

Example:
  rc orchestrator plan --event-path event.json --run-id 2026-11-20T09-15-00-0700 --json`,
    )
    .action(async (options: PlanOptions) =>
      done(await (await import('./orchestrator-plan')).orchestratorPlan(options, io)),
    );
  withPlanOptions(
    sub(orchestrator, 'dispatch').description(
      'plan, write plan.json and envelope.json, append to dispatch-log.ndjson, and trigger the workflow once',
    ),
  )
    .addOption(
      new Option(
        '--trigger <how>',
        'github (workflow_dispatch), local (dispatch.local_command) or none',
      ).default('none'),
    )
    .option('--dry-run', 'print what would happen and write nothing')
    .option('--delivery-id <id>', 'the webhook delivery id to record (default: $GITHUB_DELIVERY)')
    .addHelpText(
      'after',
      `
A second dispatch of the same comment (same idempotency key) triggers nothing, is logged as a
duplicate and exits 0. --trigger github reacts on the comment (eyes, then rocket or confused) and
needs ORCHESTRATOR_BOT_TOKEN or GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise;
RC_GITHUB_TIMEOUT_MS bounds each call, default 10000).

Example:
  rc orchestrator dispatch --event-path "$GITHUB_EVENT_PATH" --run-id "$PHOENIX_RUN_ID" --trigger github`,
    )
    .action(async (options: DispatchOptions) =>
      done(await (await import('./orchestrator-dispatch')).orchestratorDispatch(options, io)),
    );
  sub(orchestrator, 'prompt')
    .description(
      "print the agent's prompt for a dispatched run: the helper prompt the plan chose, then the maintainer's instructions marked as untrusted",
    )
    .option(
      '--envelope <json>',
      "the dispatch envelope JSON (the dispatched workflow's envelope input)",
    )
    .option('--envelope-file <file>', 'a file holding the dispatch envelope JSON')
    .addHelpText(
      'after',
      `
Reads plan.prompt.path from this repository (it must be a file inside it) and prints it; when the
comment carried lines after the command, they follow in a <maintainer-instructions trust="untrusted">
block. Writes nothing. Exit 2 for a missing, malformed or foreign envelope or prompt path.

Example (in the dispatched workflow):
  rc orchestrator prompt --envelope "$RC_ENVELOPE" > "$RUNNER_TEMP/prompt.md"`,
    )
    .action(async (options: OrchestratorPromptOptions) =>
      done(await (await import('./orchestrator-prompt')).orchestratorPrompt(options, io)),
    );
}

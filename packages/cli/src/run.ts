import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES } from '@rc/orchestrator-core';
import type { CliIo } from './cli-io';
import type { GateCheckOptions } from './commands/gate-check';
import type { DispatchOptions } from './commands/orchestrator-dispatch';
import type { OrchestratorParseOptions } from './commands/orchestrator-parse';
import type { PlanOptions } from './commands/_plan-from-input';
import { registerLoop } from './commands/loop-register';
import { registerPlaybook } from './commands/playbook-register';
import { registerPromote } from './commands/promote-register';
import { registerWorkflows } from './commands/workflows-register';
import { redactingIo } from './redacting-io';
import { reportError } from './report-error';
import { VERSION } from './version';

const EXIT_TABLE = `
Exit codes:
  0    success
  1    a decision said no or an operation failed
  2    usage error or invalid input (nothing was written)
  3    retryable conflict
  4    a limit was reached
  130  interrupted`;

/** Runs `rc` with the given arguments (without node and script) and returns the exit code. */
export async function run(args: readonly string[], rawIo: CliIo): Promise<number> {
  // Everything rc prints passes through one redactor: no command can leak a secret by forgetting.
  const io = redactingIo(rawIo);
  let exitCode: number = EXIT_CODES.ok;
  const done = (code: number) => {
    exitCode = code;
  };
  const program = buildProgram(io, done);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.invalidInput;
    }
    return reportError(error, io);
  }
}

function buildProgram(io: CliIo, done: (code: number) => void): Command {
  const program = new Command('rc')
    .description('Run AI coding agents from GitHub issues, safely and reproducibly.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .addHelpText('after', EXIT_TABLE)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One prefix for every error rc prints: commander's usage errors say `rc:` too.
      outputError: (text, write) => write(text.replace(/^error: /, 'rc: ')),
    });
  program.configureHelp({ showGlobalOptions: false });
  const sub = (parent: Command, name: string) =>
    parent.command(name).exitOverride().configureOutput(program.configureOutput());

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
      done(await (await import('./commands/orchestrator-parse')).orchestratorParse(options, io)),
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
      done(await (await import('./commands/orchestrator-plan')).orchestratorPlan(options, io)),
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
      done(
        await (await import('./commands/orchestrator-dispatch')).orchestratorDispatch(options, io),
      ),
    );

  const gate = sub(program, 'gate').description(
    'the permission gate: may this comment command rc?',
  );
  withEventOptions(
    sub(gate, 'check').description(
      'decide whether the comment author may run the command here; exit 0 allowed, 1 denied, 2 invalid input',
    ),
  )
    .option('--roles-file <file>', 'JSON roles file to use instead of gate.roles_file')
    .option('--json', 'print {allowed, actor, role, source, reasons} on stdout')
    .addHelpText(
      'after',
      `
Environment:
  ALLOWED_ROLES    comma list (admin, maintain, write, triage, read); the lowest is the minimum
  ALLOWED_USERS    comma list of logins allowed whatever their role
  ALLOWED_TEAMS    comma list of org/team-slug whose active members are allowed
  REQUIRED_LABEL   label the issue must carry ("" for none)
  RC_ROLES_JSON    roles document for the "env" role source
  ORCHESTRATOR_BOT_TOKEN or GITHUB_TOKEN   token for the GitHub API role source (never printed)
  GITHUB_API_URL   API base URL (GitHub Enterprise, tests)

Example:
  rc gate check --event-path "$GITHUB_EVENT_PATH" --roles-file .github/rc-roles.json --json`,
    )
    .action(async (options: GateCheckOptions) =>
      done(await (await import('./commands/gate-check')).gateCheck(options, io)),
    );

  // Feature areas register their own commands here, one line each:
  registerLoop(program, io, done, sub);
  registerPlaybook(program, io, done, sub);
  registerPromote(program, io, done, sub);
  registerWorkflows(program, io, done, sub);

  const time = sub(program, 'time').description(
    'Phoenix-time helpers (America/Phoenix, UTC-7, no DST)',
  );
  sub(time, 'now')
    .description('print the current time in Phoenix, ISO-8601 with offset')
    .option('--json', 'print Phoenix timestamp, run id and UTC as JSON')
    .action(async (options: { json?: boolean }) =>
      done((await import('./commands/time-commands')).timeNow(options, io)),
    );
  sub(time, 'run-id')
    .description('print a run id (YYYY-MM-DDTHH-mm-ss-0700) for now or for --at')
    .option('--at <iso>', 'the instant to name (ISO-8601; no offset means Phoenix time)')
    .action(async (options: { at?: string }) =>
      done((await import('./commands/time-commands')).timeRunId(options, io)),
    );
  sub(time, 'cron')
    .description(
      'convert a 5-field cron expression between Phoenix and UTC (GitHub cron runs in UTC)',
    )
    .argument('<expression>', 'the cron expression, quoted: "0 9 * * 1-5"')
    .addOption(new Option('--from <zone>', 'zone the expression is written in').default('phoenix'))
    .addOption(new Option('--to <zone>', 'zone to convert to').default('utc'))
    .option('--json', 'print the input and the converted expressions as JSON')
    .addHelpText(
      'after',
      '\nOne expression may become two when some hours cross midnight.\nExample:\n  rc time cron "0 9 * * 1-5"   # -> 0 16 * * 1-5',
    )
    .action(async (expression: string, options: { from: string; to: string; json?: boolean }) =>
      done((await import('./commands/time-commands')).timeCron(expression, options, io)),
    );
  return program;
}

// Every command that reads a GitHub event takes it, and the configuration, the same way.
function withEventOptions(command: Command): Command {
  return command
    .option(
      '--event-path <file>',
      'event JSON file ("-" for stdin); default: stdin, then $GITHUB_EVENT_PATH',
    )
    .option(
      '--event-name <name>',
      'issue_comment or workflow_dispatch; default: guessed from the payload',
    )
    .option(
      '--config <file>',
      'orchestration.yaml to read (default: ./orchestration.yaml when present)',
    );
}

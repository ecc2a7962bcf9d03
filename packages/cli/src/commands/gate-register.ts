import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { withEventOptions } from './_event-options';
import type { GateCheckOptions } from './gate-check';

/** `rc gate check`. */
export function registerGate(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
  sub: (parent: Command, name: string) => Command,
): void {
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
      done(await (await import('./gate-check')).gateCheck(options, io)),
    );
}

import { Option, type Command } from 'commander';
import type { CliIo } from '../cli-io';
import type { SimulateOptions } from './simulate-run';
import type { WorkflowsInitOptions } from './workflows-init';
import type { WorkflowsLintOptions } from './workflows-lint';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `rc workflows init|lint` and `rc simulate`. */
export function registerWorkflows(
  program: Command,
  io: CliIo,
  done: (code: number) => void,
  sub: (parent: Command, name: string) => Command,
): void {
  const workflows = sub(program, 'workflows').description(
    'scaffold caller workflows in a repository; lint workflows for security problems',
  );
  sub(workflows, 'init')
    .description(
      'write caller workflows pinned to one commit of rc, a starter orchestration.yaml and a prompt',
    )
    .option('--dir <dir>', 'repository to write into', '.')
    .option(
      '--repository <owner/repo>',
      'the GitHub repository of rc (its reusable workflows and committed CLI bundle); default: the origin of the git checkout this rc runs from',
    )
    .option(
      '--ref <sha>',
      'the commit of that repository to run, a full commit SHA; default: the HEAD of the checkout this rc runs from',
    )
    .option(
      '--team <org/slug>',
      'orchestration.yaml: a team whose members may command rc whatever their role (repeatable; default: no team)',
      collect,
    )
    .option(
      '--label <name>',
      'orchestration.yaml: the label an issue must carry before rc acts on it (default: no label)',
    )
    .option('--only <what>', '"workflows": write (or with --force rewrite) the workflows only')
    .option(
      '--force',
      'overwrite workflows that exist (without it nothing is written when one exists); orchestration.yaml and prompts are never overwritten',
    )
    .option('--json', 'print {dir, repository, ref, written, overwritten, kept} as JSON')
    .addHelpText(
      'after',
      `
Writes .github/workflows/rc-orchestrator.yml and rc-playbook.yml (they call rc's reusable
workflows at --ref and run rc's committed CLI bundle at the same commit: nothing is installed
from npm), orchestration.yaml and prompts/orchestrator/triage.md. Exit 1 (nothing written) when a
workflow exists and --force is not given; exit 2 when the rc to pin cannot be named.

Examples:
  rc workflows init --repository OWNER/rc --ref 0123456789abcdef0123456789abcdef01234567
  rc workflows init --repository OWNER/rc --ref <sha> --team my-org/maintainers --label rc:ready
  rc workflows init --only workflows --force --repository OWNER/rc --ref <newer sha>`,
    )
    .action(async (options: WorkflowsInitOptions) =>
      done(await (await import('./workflows-init')).workflowsInit(options, io)),
    );
  sub(workflows, 'lint')
    .description(
      'lint workflows and composite actions: actionlint plus rc security rules; a finding at or above the threshold exits 1',
    )
    .argument(
      '[paths...]',
      'files or directories, searched recursively for .github/workflows/** and action.yml (default: .github and ./action.yml)',
    )
    .option('--no-actionlint', 'run only rc security rules')
    .option(
      '--allow-secret <name>',
      'a secret name a workflow that runs rc may read besides ORCHESTRATOR_BOT_TOKEN (repeatable)',
      collect,
    )
    .option(
      '--disable <rule>',
      'a rule not to run: an rc rule, actionlint or actionlint/<kind> (repeatable)',
      collect,
    )
    .option(
      '--severity <level>',
      "the least severity reported: error, warning or note (default: the config's, else warning)",
    )
    .option(
      '--config <file>',
      'lint config (default: .github/rc-lint.yaml, else lint: in orchestration.yaml)',
    )
    .option('--format <format>', 'text, json or sarif', 'text')
    .option('--json', 'same as --format json: print {files, findings}')
    .addHelpText(
      'after',
      `
Each finding prints as file:line: severity rule: message. rc rules: template-injection,
github-env, pr-head-checkout, self-hosted-runner, secret-echoed, expression-in-run,
missing-permissions, broad-permissions, excessive-permissions, unpinned-action,
persist-credentials, secrets-inherit, and for workflows that run rc: unexpected-secret,
ungated-dispatch. actionlint findings are actionlint/<kind>. Ignore one finding with a comment
on its line (or the line above): # rc-lint: ignore[rule] reason.

Example:
  rc workflows lint
  rc workflows lint --format sarif > rc-lint.sarif`,
    )
    .action(async (paths: string[], options: WorkflowsLintOptions) =>
      done(await (await import('./workflows-lint')).workflowsLint(paths, options, io)),
    );

  sub(program, 'simulate')
    .description(
      "run the orchestrator runner job's steps locally: Phoenix run id and TZ, gate, then dispatch",
    )
    .addOption(
      new Option('--event <name>', 'event name')
        .choices(['issue_comment', 'workflow_dispatch'])
        .default('issue_comment'),
    )
    .option('--payload <file>', 'event payload JSON (or build one with --comment)')
    .option(
      '--comment <text>',
      'build a real-shaped issue_comment event for this comment instead of reading --payload',
    )
    .option('--author <login>', 'with --comment: who commented', 'octocat')
    .option('--issue <number>', 'with --comment: the issue commented on', '1')
    .option('--repository <owner/repo>', 'with --comment: the repository', 'octo-org/octo-repo')
    .option(
      '--token <token>',
      'use a GitHub REST stand-in on 127.0.0.1, authenticated with this token',
    )
    .option(
      '--config <file>',
      'orchestration.yaml to read (default: the nearest one from here up to the git root; paths in it are relative to it)',
    )
    .option(
      '--trigger <how>',
      'local, none, or github (stand-in only); default: local when dispatch.local_command is set, else none',
    )
    .option('--role <role>', 'the role the stand-in reports for the commenter', 'maintain')
    .option(
      '--team <org/slug>',
      'a team the stand-in reports every user a member of (repeatable)',
      collect,
    )
    .option(
      '--label <name>',
      'a label the stand-in reports on every issue, and with --comment the commented issue carries (repeatable)',
      collect,
    )
    .option('--json', 'print {run_id, trigger, gate, dispatch, requests} as JSON')
    .addHelpText(
      'after',
      `
Exit code: the gate's when it denies (1), else the dispatch's. Nothing talks to GitHub.

Examples:
  rc simulate --comment "/orchestrate #12 prompt=triage" --author alice --role maintain --token fake
  rc simulate --event issue_comment --payload examples/events/issue-comment-orchestrate.json --token fake`,
    )
    .action(async (options: SimulateOptions) =>
      done(await (await import('./simulate-run')).simulateRun(options, io)),
    );
}

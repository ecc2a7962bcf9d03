import type { Command } from 'commander';

// Every command that reads a GitHub event takes it, and the configuration, the same way.
export function withEventOptions(command: Command): Command {
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
      'orchestration.yaml to read (default: the nearest one from here up to the git root; paths in it are relative to it)',
    );
}

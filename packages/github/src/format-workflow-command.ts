import { EOL } from 'node:os';

/**
 * One `::command::data` workflow command line, its data escaped as `@actions/core` escapes it, so
 * a message with line breaks stays one command.
 */
export function formatWorkflowCommand(command: string, data: string): string {
  const escaped = data.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${command}::${escaped}${EOL}`;
}

import { randomUUID } from 'node:crypto';
import { EOL } from 'node:os';
import { formatWorkflowCommand } from './format-workflow-command';

/**
 * One `name<<delimiter` entry for a file command such as `GITHUB_OUTPUT`, byte for byte what
 * `@actions/core`'s `setOutput` appends: a fresh `ghadelimiter_<uuid>` that the value cannot
 * contain, so a multi-line value cannot smuggle in further outputs.
 */
export function formatFileCommand(
  name: string,
  value: string,
  uuid: () => string = randomUUID,
): string {
  let delimiter = `ghadelimiter_${uuid()}`;
  while (value.includes(delimiter) || name.includes(delimiter))
    delimiter = `ghadelimiter_${uuid()}`;
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

/** The `::add-mask::` lines for `secret`: one per line, since the runner masks line by line. */
export function formatAddMask(secret: string): string {
  const values = new Set([secret, ...secret.split(/\r?\n/)].filter((value) => value.trim() !== ''));
  return [...values].map((value) => formatWorkflowCommand('add-mask', value)).join('');
}

import { parseSlashCommand } from '@rc/orchestrator-core';

/**
 * True when the comment's first non-blank line starts with `/command` as a whole word.
 * Malformed arguments still count: reporting them precisely is the planner's job, not the gate's.
 */
export function hasCommand(body: string, command: string): boolean {
  const parsed = parseSlashCommand(body, { command });
  return parsed.ok || (parsed.error.code !== 'empty' && parsed.error.code !== 'not_a_command');
}

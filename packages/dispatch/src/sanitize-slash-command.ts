import type { SlashCommand } from '@rc/orchestrator-core';
import {
  sanitizeUntrustedText,
  type SanitizeUntrustedTextOptions,
} from './sanitize-untrusted-text';

/**
 * The command with its free text (`line`, positional and named values) passed through
 * {@link sanitizeUntrustedText}; the parsed fields (issue, prompt, mode) are already strict.
 */
export function sanitizeSlashCommand(
  command: SlashCommand,
  options: SanitizeUntrustedTextOptions = {},
): SlashCommand {
  const clean = (text: string): string => sanitizeUntrustedText(text, options);
  return {
    ...command,
    line: clean(command.line),
    positional: command.positional.map(clean),
    named: Object.fromEntries(
      Object.entries(command.named).map(([name, value]) => [name, clean(value)]),
    ),
  };
}

import { sanitizeUntrustedText } from './sanitize-untrusted-text';

/** Options of {@link commandInstructions}. */
export interface CommandInstructionsOptions {
  /** The most UTF-16 code units kept (see `sanitizeUntrustedText`). @default 2000 */
  maxLength?: number;
}

/**
 * The maintainer's instructions in a command's text: every line after the command line (the
 * first non-blank one), sanitised as untrusted text (hidden HTML, invisible characters, comments
 * removed) and capped, blank edges trimmed. Null when nothing is left. Pure.
 */
export function commandInstructions(
  text: string,
  options: CommandInstructionsOptions = {},
): string | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const commandLine = lines.findIndex((line) => line.trim() !== '');
  if (commandLine < 0) return null;
  const rest = lines.slice(commandLine + 1).join('\n');
  const clean = sanitizeUntrustedText(rest, options).trim();
  return clean === '' ? null : clean;
}

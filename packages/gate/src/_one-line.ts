import { GITHUB_TOKEN_PATTERN, redactUrlCredentials } from '@rc/orchestrator-core';

const MAX_LENGTH = 200;
const TOKENS = new RegExp(GITHUB_TOKEN_PATTERN.source, 'g');

// Reasons end up in logs and step summaries: one line, bounded, and never a token. Secrets go
// before the cut, which could otherwise leave half a token or a password without its `@`.
/**
 * The first non-blank line of an error's message (or of a string), at most 200 characters,
 * tokens masked and credentials of URLs stripped.
 */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message
    .split(/\r?\n/)
    .map((part) => part.trim())
    .find((part) => part !== '');
  const text = redactUrlCredentials(
    (line ?? (error instanceof Error ? error.name : 'unknown error')).replace(TOKENS, '***'),
  );
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

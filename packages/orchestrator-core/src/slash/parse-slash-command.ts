import { tokenize, type RawToken } from './_tokenize';
import type { SlashCommandError } from './slash-command-error';

const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Options of {@link parseSlashCommand}. */
export interface ParseSlashCommandOptions {
  /** The command to look for, with or without the leading slash (`orchestrate`). */
  command: string;
  /** Arguments from configuration, prepended to the comment's, so the comment's win. @default '' */
  staticArgs?: string;
  /** The most arguments a comment may carry. @default 50 */
  maxArguments?: number;
  /** The most UTF-8 bytes the command line may have. @default 4096 */
  maxBytes?: number;
}

/** One argument, in the order written. */
export type SlashArgument =
  | { kind: 'positional'; value: string; column: number | null }
  | { kind: 'named'; name: string; value: string; column: number | null };

/** A command line split into arguments. Columns are null for static arguments. */
export interface ParsedSlashCommand {
  /** The command name without the slash. */
  command: string;
  /** The command line as written (CR stripped, leading blanks trimmed). */
  line: string;
  args: SlashArgument[];
  positional: string[];
  /** Named arguments; the comment's replace static ones of the same name. */
  named: Record<string, string>;
}

export type ParseSlashCommandResult =
  { ok: true; value: ParsedSlashCommand } | { ok: false; error: SlashCommandError };

const encoder = new TextEncoder();

/**
 * Parses a slash command from a comment body. The command must start the first non-blank line
 * and match as a whole word, case-sensitively; the rest of the comment is ignored. Never throws.
 */
export function parseSlashCommand(
  body: string,
  options: ParseSlashCommandOptions,
): ParseSlashCommandResult {
  const name = options.command.replace(/^\//, '');
  const maxArguments = options.maxArguments ?? 50;
  const maxBytes = options.maxBytes ?? 4096;
  const rawLine = firstNonBlankLine(body);
  if (rawLine === undefined) {
    return failure('empty', null, `the comment is empty: expected /${name} on its first line`);
  }
  const indent = rawLine.length - rawLine.trimStart().length;
  const line = rawLine.slice(indent);
  const slash = `/${name}`;
  const after = line.charAt(slash.length);
  if (!line.startsWith(slash) || (after !== '' && !/\s/u.test(after))) {
    const found = line.split(/\s/u, 1)[0] ?? '';
    return failure(
      'not_a_command',
      indent + 1,
      `column ${indent + 1}: expected /${name} as the first word of the first line, found "${truncate(found)}"`,
    );
  }
  if (encoder.encode(line).length > maxBytes) {
    return failure('too_long', null, `the command line is longer than ${maxBytes} bytes`);
  }
  const user = tokenize(rawLine, indent + slash.length);
  if (!user.ok) return { ok: false, error: user.error };
  if (user.tokens.length > maxArguments) {
    const extra = user.tokens[maxArguments];
    return failure(
      'too_many_arguments',
      extra?.column ?? null,
      `column ${extra?.column ?? 0}: more than ${maxArguments} arguments`,
    );
  }
  const fixed = tokenize(options.staticArgs ?? '', 0);
  if (!fixed.ok) {
    return failure('invalid_static_arguments', null, `static arguments: ${fixed.error.message}`);
  }
  const fixedArgs = fixed.tokens.map((token) => toArgument(token, null));
  const userArgs = user.tokens.map((token) => toArgument(token, token.column));
  // Every copy must be validated, or the first can carry what the last passes for: refuse repeats.
  const fixedRepeat = firstRepeat(fixedArgs);
  if (fixedRepeat !== null) {
    return failure(
      'invalid_static_arguments',
      null,
      `static arguments: option "${fixedRepeat.name}" is given more than once`,
    );
  }
  const userRepeat = firstRepeat(userArgs);
  if (userRepeat !== null) {
    const { name: repeated, column, first } = userRepeat;
    return failure(
      'repeated_option',
      column,
      `column ${column}: option "${repeated}" is given more than once (first at column ${first})`,
    );
  }
  const args = [...fixedArgs, ...userArgs];
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (const arg of args) {
    if (arg.kind === 'named') named.set(arg.name, arg.value);
    else positional.push(arg.value);
  }
  return {
    ok: true,
    value: { command: name, line, args, positional, named: Object.fromEntries(named) },
  };
}

function firstRepeat(
  args: readonly SlashArgument[],
): { name: string; column: number | null; first: number | null } | null {
  const seen = new Map<string, number | null>();
  for (const arg of args) {
    if (arg.kind !== 'named') continue;
    if (seen.has(arg.name)) {
      return { name: arg.name, column: arg.column, first: seen.get(arg.name) ?? null };
    }
    seen.set(arg.name, arg.column);
  }
  return null;
}

function firstNonBlankLine(body: string): string | undefined {
  for (const line of body.split('\n')) {
    const stripped = line.replace(/\r/g, '');
    if (stripped.trim() !== '') return stripped;
  }
  return undefined;
}

function toArgument(token: RawToken, column: number | null): SlashArgument {
  const { text, eqIndex, quoteIndex } = token;
  const nameEnd = eqIndex;
  const quotedName = quoteIndex >= 0 && quoteIndex < nameEnd;
  if (nameEnd > 0 && !quotedName && nameEnd < text.length - 1) {
    const argName = text.slice(0, nameEnd);
    if (NAME_PATTERN.test(argName)) {
      return { kind: 'named', name: argName, value: text.slice(nameEnd + 1), column };
    }
  }
  return { kind: 'positional', value: text, column };
}

function failure(
  code: SlashCommandError['code'],
  column: number | null,
  message: string,
): ParseSlashCommandResult {
  return { ok: false, error: { code, column, message } };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

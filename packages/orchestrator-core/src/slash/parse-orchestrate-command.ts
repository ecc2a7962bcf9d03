import type { SlashCommand } from '../model/slash-command';
import {
  parseSlashCommand,
  type ParsedSlashCommand,
  type SlashArgument,
} from './parse-slash-command';
import type { SlashCommandError } from './slash-command-error';

/** The named arguments `/orchestrate` understands. */
export const ORCHESTRATE_OPTIONS = ['dry-run', 'issue', 'mode', 'prompt', 'wave'] as const;

const ISSUE_PATTERN = /^#?([1-9][0-9]{0,9})$/;
// Anything that looks like an issue number but is not one (`#0`, `01`, eleven digits).
const NUMBER_LIKE = /^#?[0-9]+$/;
const ISSUE_RULE = 'a whole number from 1 to 9999999999 without leading zeros, like 276 or #276';
const NAME_RULES = {
  prompt: {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
    allowed: 'letters, digits, ".", "_", "-"',
  },
  wave: {
    pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/,
    allowed: 'letters, digits, ".", "_", ":", "-"',
  },
} as const;

/** Options of {@link parseOrchestrateCommand}. */
export interface ParseOrchestrateCommandOptions {
  /** The command name. @default 'orchestrate' */
  command?: string;
  /** The issue commented on, used when the command names none. @default null */
  defaultIssue?: number | null;
  /** Arguments from configuration, prepended to the comment's. @default '' */
  staticArgs?: string;
}

export type ParseOrchestrateCommandResult =
  { ok: true; value: SlashCommand } | { ok: false; error: SlashCommandError };

/**
 * Parses `/orchestrate [#276|276|issue=276] [prompt=NAME] [wave=W] [mode=plan|dispatch] [dry-run]`.
 * Unknown named arguments are an error that lists the allowed ones. Never throws.
 */
export function parseOrchestrateCommand(
  body: string,
  options: ParseOrchestrateCommandOptions = {},
): ParseOrchestrateCommandResult {
  const parsed = parseSlashCommand(body, {
    command: options.command ?? 'orchestrate',
    staticArgs: options.staticArgs ?? '',
  });
  if (!parsed.ok) return parsed;
  const issues = new Map<number, number | null>();
  let dryRun = false;
  const given = new Map<string, { column: number | null; issue: number | null }>();
  for (const arg of parsed.value.args) {
    const repeated = repeatedForm(arg, given);
    if (repeated) return { ok: false, error: repeated };
    const problem = collect(arg, issues, (value) => (dryRun = value));
    if (problem) return { ok: false, error: problem };
  }
  if (issues.size > 1) {
    const [, column] = [...issues.entries()][1] ?? [];
    return error(
      'conflicting_arguments',
      column ?? null,
      `the command names more than one issue (${[...issues.keys()].map((n) => `#${n}`).join(', ')})`,
    );
  }
  const named = parsed.value.named;
  for (const [key, { pattern, allowed }] of Object.entries(NAME_RULES)) {
    const value = named[key];
    if (value !== undefined && !pattern.test(value)) {
      return error(
        'invalid_value',
        columnOf(parsed.value, key),
        `${key}="${value}" is not a valid ${key} name (${allowed}, starting with a letter or digit)`,
      );
    }
  }
  const mode = named['mode'] ?? 'dispatch';
  if (mode !== 'plan' && mode !== 'dispatch') {
    return error(
      'invalid_value',
      columnOf(parsed.value, 'mode'),
      `mode="${mode}" is not one of plan, dispatch`,
    );
  }
  const [argumentIssue] = [...issues.keys()];
  const issueNumber = argumentIssue ?? options.defaultIssue ?? null;
  if (issueNumber === null) {
    return error(
      'missing_issue',
      null,
      'no issue: name one (#276, 276 or issue=276) or comment on the issue itself',
    );
  }
  return {
    ok: true,
    value: {
      command: parsed.value.command,
      issue_number: issueNumber,
      issue_source: argumentIssue === undefined ? 'event' : 'argument',
      prompt: named['prompt'] ?? null,
      wave: named['wave'] ?? null,
      mode,
      dry_run: dryRun,
      positional: parsed.value.positional,
      named,
      line: parsed.value.line,
    },
  };
}

/**
 * The parser refuses `name=value` twice; this catches the shorthands of the same option: the
 * `dry-run` flag beside `dry-run=`, and `#5`, `5` or `issue=5` naming the same issue twice (two
 * different issues are `conflicting_arguments`). The comment may still override static arguments.
 */
function repeatedForm(
  arg: SlashArgument,
  given: Map<string, { column: number | null; issue: number | null }>,
): SlashCommandError | null {
  const option =
    arg.kind === 'named'
      ? arg.name
      : arg.value === 'dry-run'
        ? 'dry-run'
        : ISSUE_PATTERN.test(arg.value)
          ? 'issue'
          : null;
  if (option === null) return null;
  const issue = option === 'issue' ? issueNumberOf(arg.value) : null;
  const key = `${arg.column === null ? 'static' : 'comment'}:${option}`;
  const first = given.get(key);
  if (first === undefined) {
    given.set(key, { column: arg.column, issue });
    return null;
  }
  // Two valid, different issues get the clearer conflicting_arguments message further on.
  if (option === 'issue' && first.issue !== null && issue !== null && first.issue !== issue) {
    return null;
  }
  return {
    code: 'repeated_option',
    column: arg.column,
    message: `${at(arg.column)}option "${option}" is given more than once${
      first.column === null ? '' : ` (first at column ${first.column})`
    }`,
  };
}

function issueNumberOf(text: string): number | null {
  const digits = ISSUE_PATTERN.exec(text)?.[1];
  return digits === undefined ? null : Number(digits);
}

function collect(
  arg: SlashArgument,
  issues: Map<number, number | null>,
  setDryRun: (value: boolean) => void,
): SlashCommandError | null {
  if (arg.kind === 'named') {
    if (!(ORCHESTRATE_OPTIONS as readonly string[]).includes(arg.name)) {
      return {
        code: 'unknown_option',
        column: arg.column,
        message: `${at(arg.column)}unknown option "${arg.name}" (allowed: ${ORCHESTRATE_OPTIONS.join(', ')})`,
      };
    }
    if (arg.name === 'issue') return addIssue(arg.value, arg.column, issues, `issue=${arg.value}`);
    if (arg.name === 'dry-run') {
      if (arg.value !== 'true' && arg.value !== 'false') {
        return {
          code: 'invalid_value',
          column: arg.column,
          message: `${at(arg.column)}dry-run="${arg.value}" is not true or false`,
        };
      }
      setDryRun(arg.value === 'true');
    }
    return null;
  }
  if (arg.value === 'dry-run') {
    setDryRun(true);
    return null;
  }
  if (ISSUE_PATTERN.test(arg.value)) return addIssue(arg.value, arg.column, issues, arg.value);
  if (NUMBER_LIKE.test(arg.value)) return addIssue(arg.value, arg.column, issues, arg.value);
  // The slash parser reads `prompt=` and `prompt=""` as a bare word: an option with no value.
  const option = /^([a-z-]+)=$/.exec(arg.value)?.[1];
  if (option !== undefined && (ORCHESTRATE_OPTIONS as readonly string[]).includes(option)) {
    return {
      code: 'invalid_value',
      column: arg.column,
      message: `${at(arg.column)}${option} has an empty value (write ${option}=<value>)`,
    };
  }
  return {
    code: 'unexpected_argument',
    column: arg.column,
    message: `${at(arg.column)}unexpected argument "${arg.value.slice(0, 40)}" (expected #<issue>, <issue>, dry-run or one of ${ORCHESTRATE_OPTIONS.join(', ')} as name=value)`,
  };
}

function addIssue(
  text: string,
  column: number | null,
  issues: Map<number, number | null>,
  shown: string,
): SlashCommandError | null {
  const match = ISSUE_PATTERN.exec(text);
  const issue = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!Number.isSafeInteger(issue)) {
    return {
      code: 'invalid_value',
      column,
      message: `${at(column)}"${shown.slice(0, 40)}" is not a valid issue number (${ISSUE_RULE})`,
    };
  }
  if (!issues.has(issue)) issues.set(issue, column);
  return null;
}

function columnOf(parsed: ParsedSlashCommand, name: string): number | null {
  const arg = parsed.args.findLast(
    (candidate) => candidate.kind === 'named' && candidate.name === name,
  );
  return arg?.column ?? null;
}

function at(column: number | null): string {
  return column === null ? 'static arguments: ' : `column ${column}: `;
}

function error(
  code: SlashCommandError['code'],
  column: number | null,
  message: string,
): ParseOrchestrateCommandResult {
  return {
    ok: false,
    error: { code, column, message: column === null ? message : `column ${column}: ${message}` },
  };
}

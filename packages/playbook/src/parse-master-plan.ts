import * as z from 'zod/mini';
import { fail, ok, validate, type Result } from '@rc/orchestrator-core';
import { _checkTaskGraph } from './_check-task-graph';
import { _findTables, type _Table } from './_markdown-table';
import { TASK_ID_PATTERN, type MasterPlan, type PlaybookTask } from './playbook-task';

/** Options of {@link parseMasterPlan}. */
export interface ParseMasterPlanOptions {
  /** Name used in messages (`plan.md:12: ...`). @default 'master plan' */
  source?: string;
  /**
   * Turns YAML text into data (for example `parse` from the `yaml` package). Needed only for
   * YAML plans; without it a YAML plan is an error.
   */
  parseYaml?: (text: string) => unknown;
}

const COLUMNS = {
  id: ['branch id', 'task id', 'id'],
  objective: ['objective', 'goal'],
  skill: ['owner skill', 'skill'],
  dependencies: ['dependencies', 'depends on', 'deps'],
  done_criteria: ['done criteria', 'exit criteria', 'completion criteria'],
  scope: ['scope', 'allowed scope', 'paths'],
  checks: ['checks', 'commands/checks', 'tests/checks'],
} as const;

/**
 * Parses a master plan: Markdown with a Branch Backlog table (Branch ID, Objective, Owner Skill,
 * Dependencies, Done Criteria, Scope and optional Checks columns), or YAML (`tasks:` list) when
 * the text does not look like Markdown. Every problem names its line: duplicate id, unknown
 * dependency, dependency cycle, missing scope. Never throws.
 */
export function parseMasterPlan(
  text: string,
  options: ParseMasterPlanOptions = {},
): Result<MasterPlan> {
  const source = options.source ?? 'master plan';
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const tables = _findTables(lines);
  const looksYaml = tables.length === 0 && /^\s*tasks\s*:/m.test(text);
  const parsed = looksYaml
    ? _fromYaml(text, lines, source, options)
    : _fromMarkdown(tables, source);
  if (!parsed.ok) return parsed;
  const problems = _checkTaskGraph(parsed.value, source);
  if (problems.length > 0) return fail(...problems);
  return ok({ source, tasks: parsed.value });
}

function _fromMarkdown(tables: _Table[], source: string): Result<PlaybookTask[]> {
  const table = tables.find((candidate) =>
    COLUMNS.id.some((name) => candidate.header.includes(name)),
  );
  if (table === undefined)
    return fail(`${source}: no Branch Backlog table (a Markdown table with a "Branch ID" column)`);
  const column = (names: readonly string[]) =>
    table.header.findIndex((cell) => names.includes(cell));
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, names]) => [key, column(names)]),
  ) as Record<keyof typeof COLUMNS, number>;
  if (index.scope < 0)
    return fail(`${source}:${table.headerLine}: the Branch Backlog table has no "Scope" column`);
  const problems: string[] = [];
  const tasks: PlaybookTask[] = [];
  for (const row of table.rows) {
    const cell = (at: number) => (at < 0 ? '' : _plain(row.cells[at] ?? ''));
    const id = cell(index.id);
    if (id === '') continue;
    const task: PlaybookTask = {
      id,
      objective: cell(index.objective),
      skill: cell(index.skill),
      dependencies: _list(cell(index.dependencies), /[,\s]+/).filter(
        (dep) => !/^(-|none|n\/a)$/i.test(dep),
      ),
      done_criteria: cell(index.done_criteria),
      scope: _list(cell(index.scope), /,|<br\s*\/?>/i),
      checks: _list(cell(index.checks), /;|<br\s*\/?>/i),
      line: row.line,
      parent: null,
      depth: 0,
    };
    problems.push(..._taskProblems(task, source));
    tasks.push(task);
  }
  if (problems.length > 0) return fail(...problems);
  if (tasks.length === 0)
    return fail(`${source}:${table.headerLine}: the Branch Backlog table has no tasks`);
  return ok(tasks);
}

const stringList = z.pipe(
  z.union([z.string(), z.array(z.string())]),
  z.transform((value: string | string[]) => (typeof value === 'string' ? [value] : value)),
);
const YamlTaskSchema = z.strictObject({
  id: z.string(),
  objective: z._default(z.string(), ''),
  skill: z._default(z.string(), ''),
  dependencies: z._default(stringList, []),
  done_criteria: z._default(z.string(), ''),
  scope: z._default(stringList, []),
  checks: z._default(stringList, []),
});
const YamlPlanSchema = z.looseObject({ tasks: z.array(z.unknown()) });

function _fromYaml(
  text: string,
  lines: string[],
  source: string,
  options: ParseMasterPlanOptions,
): Result<PlaybookTask[]> {
  if (options.parseYaml === undefined) return fail(`${source}: YAML plans need a YAML parser`);
  let data: unknown;
  try {
    data = options.parseYaml(text);
  } catch (error) {
    return fail(`${source}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const plan = validate(YamlPlanSchema, data);
  if (!plan.ok) return fail(`${source}: expected a mapping with a "tasks" list`);
  const problems: string[] = [];
  const tasks: PlaybookTask[] = [];
  let searchFrom = 0;
  plan.value.tasks.forEach((raw, position) => {
    const entry = validate(YamlTaskSchema, raw, `tasks.${position}`);
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '';
    const line = _lineOfId(lines, id, searchFrom);
    if (line > 0) searchFrom = line;
    if (!entry.ok) {
      for (const issue of entry.issues) problems.push(`${source}:${line}: ${issue}`);
      return;
    }
    const task: PlaybookTask = {
      ...entry.value,
      id: entry.value.id.trim(),
      scope: entry.value.scope.map((item) => item.trim()).filter(Boolean),
      dependencies: entry.value.dependencies.map((item) => item.trim()).filter(Boolean),
      line,
      parent: null,
      depth: 0,
    };
    problems.push(..._taskProblems(task, source));
    tasks.push(task);
  });
  if (problems.length > 0) return fail(...problems);
  if (tasks.length === 0) return fail(`${source}: the plan has no tasks`);
  return ok(tasks);
}

function _taskProblems(task: PlaybookTask, source: string): string[] {
  const problems: string[] = [];
  if (!TASK_ID_PATTERN.test(task.id))
    problems.push(
      `${source}:${task.line}: task id "${task.id}" must be letters, digits, ".", "_" or "-"`,
    );
  if (task.scope.length === 0)
    problems.push(`${source}:${task.line}: task "${task.id}" has no scope`);
  return problems;
}

// The line of `id: X` (as a list item or a key), searched from the previous task on.
function _lineOfId(lines: string[], id: string, from: number): number {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(-\\s*)?id\\s*:\\s*['"]?${escaped}['"]?\\s*(#.*)?$`);
  for (let index = from; index < lines.length; index++)
    if (pattern.test(lines[index] as string)) return index + 1;
  return 0;
}

function _plain(cell: string): string {
  return cell.replace(/`/g, '').trim();
}

function _list(cell: string, separator: RegExp): string[] {
  return cell
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

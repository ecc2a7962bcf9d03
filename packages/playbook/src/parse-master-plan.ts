import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import * as z from 'zod/mini';
import { fail, ok, validate, type Result } from '@rc/orchestrator-core';
import { checkTaskGraph } from './_check-task-graph';
import { findTables, type Table } from './_markdown-table';
import { TASK_ID_PATTERN, type MasterPlan, type PlaybookTask } from './playbook-task';

/** Options of {@link parseMasterPlan}. */
export interface ParseMasterPlanOptions {
  /** Name used in messages (`plan.md:12: ...`). @default 'master plan' */
  source?: string;
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
 * Parses a master plan: Markdown (CommonMark with GFM tables, by markdown-it) with a Branch
 * Backlog table (Branch ID, Objective, Owner Skill, Dependencies, Done Criteria, Scope and
 * optional Checks columns), or YAML (`tasks:` list, by `yaml`) when the text has no table. Every
 * problem names its line, taken from the parsers: duplicate id, unknown dependency, dependency
 * cycle, missing scope. Never throws.
 */
export function parseMasterPlan(
  text: string,
  options: ParseMasterPlanOptions = {},
): Result<MasterPlan> {
  const source = options.source ?? 'master plan';
  const tables = findTables(text);
  const looksYaml = tables.length === 0 && /^\s*tasks\s*:/m.test(text);
  const parsed = looksYaml ? fromYaml(text, source) : fromMarkdown(tables, source);
  if (!parsed.ok) return parsed;
  const problems = checkTaskGraph(parsed.value, source);
  if (problems.length > 0) return fail(...problems);
  return ok({ source, tasks: parsed.value });
}

function fromMarkdown(tables: Table[], source: string): Result<PlaybookTask[]> {
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
    const cell = (at: number) => (at < 0 ? '' : plain(row.cells[at] ?? ''));
    const id = cell(index.id);
    if (id === '') continue;
    const task: PlaybookTask = {
      id,
      objective: cell(index.objective),
      skill: cell(index.skill),
      dependencies: splitList(cell(index.dependencies), /[,\s]+/).filter(
        (dep) => !/^(-|none|n\/a)$/i.test(dep),
      ),
      done_criteria: cell(index.done_criteria),
      scope: splitList(cell(index.scope), /,|<br\s*\/?>/i),
      checks: splitList(cell(index.checks), /;|<br\s*\/?>/i),
      line: row.line,
      parent: null,
      depth: 0,
    };
    problems.push(...taskProblems(task, source));
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

function fromYaml(text: string, source: string): Result<PlaybookTask[]> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 0 : lineCounter.linePos(offset).line;
  const [error] = document.errors;
  if (error !== undefined)
    return fail(
      `${source}:${lineOf(error.pos[0])}: not valid YAML: ${error.message.split('\n')[0]}`,
    );
  const plan = validate(YamlPlanSchema, document.toJS());
  if (!plan.ok) return fail(`${source}: expected a mapping with a "tasks" list`);
  const list = isMap(document.contents) ? document.contents.get('tasks', true) : undefined;
  const items = isSeq(list) ? list.items : [];
  const problems: string[] = [];
  const tasks: PlaybookTask[] = [];
  plan.value.tasks.forEach((raw, position) => {
    const node = items[position] as { range?: [number, number, number] } | undefined;
    const line = lineOf(node?.range?.[0]);
    const entry = validate(YamlTaskSchema, raw, `tasks.${position}`);
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
    problems.push(...taskProblems(task, source));
    tasks.push(task);
  });
  if (problems.length > 0) return fail(...problems);
  if (tasks.length === 0) return fail(`${source}: the plan has no tasks`);
  return ok(tasks);
}

function taskProblems(task: PlaybookTask, source: string): string[] {
  const problems: string[] = [];
  if (!TASK_ID_PATTERN.test(task.id))
    problems.push(
      `${source}:${task.line}: task id "${task.id}" must be letters, digits, ".", "_" or "-"`,
    );
  if (task.scope.length === 0)
    problems.push(`${source}:${task.line}: task "${task.id}" has no scope`);
  return problems;
}

function plain(cell: string): string {
  return cell.replace(/`/g, '').trim();
}

function splitList(cell: string, separator: RegExp): string[] {
  return cell
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMasterPlan } from '../src/parse-master-plan';

const fixture = readFileSync(new URL('fixtures/master-plan.md', import.meta.url), 'utf8');

const table = (...rows: string[]) =>
  [
    '## Branch Backlog',
    '| Branch ID | Objective | Owner Skill | Dependencies | Done Criteria | Scope |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');

describe('parseMasterPlan', () => {
  it('reads the Branch Backlog table with scope and checks', () => {
    const result = parseMasterPlan(fixture, { source: 'plan.md' });
    if (!result.ok) throw new Error(result.issues.join('\n'));
    expect(result.value.tasks.map((task) => task.id)).toEqual([
      'P1-CORE-01',
      'P1-UI-01',
      'P1-DOC-01',
      'P1-QA-01',
    ]);
    expect(result.value.tasks[0]).toEqual({
      id: 'P1-CORE-01',
      objective: 'Settings API',
      skill: 'development-implementer',
      dependencies: [],
      done_criteria: 'GET/PUT /settings',
      scope: ['src/api/'],
      checks: ['test -f src/api/settings.txt'],
      line: 17,
      parent: null,
      depth: 0,
    });
    expect(result.value.tasks[2]?.scope).toEqual(['docs/', 'README.md']);
    expect(result.value.tasks[3]?.dependencies).toEqual(['P1-UI-01', 'P1-CORE-01']);
    expect(result.value.tasks[3]?.checks).toEqual(['true', 'true']);
  });

  it.each([
    [
      'an unknown dependency',
      table('| A | a | s | B | d | src/ |'),
      'plan.md:4: task "A" depends on unknown task "B"',
    ],
    [
      'a duplicate id',
      table('| A | a | s | | d | src/ |', '| A | a | s | | d | lib/ |'),
      'plan.md:5: duplicate task id "A" (first at line 4)',
    ],
    ['a missing scope', table('| A | a | s | | d | |'), 'plan.md:4: task "A" has no scope'],
    [
      'a cycle',
      table(
        '| A | a | s | C | d | a/ |',
        '| B | b | s | A | d | b/ |',
        '| C | c | s | B | d | c/ |',
      ),
      'plan.md:4: dependency cycle: A -> C -> B -> A',
    ],
    [
      'a self dependency',
      table('| A | a | s | A | d | a/ |'),
      'plan.md:4: task "A" depends on itself',
    ],
    ['a bad id', table('| a b | a | s | | d | a/ |'), 'plan.md:4: task id "a b" must be'],
    ['no table', '# nothing here', 'plan.md: no Branch Backlog table'],
    ['an empty table', table(), 'plan.md:2: the Branch Backlog table has no tasks'],
    [
      'no Scope column',
      '| Branch ID | Objective |\n|---|---|\n| A | a |',
      'plan.md:1: the Branch Backlog table has no "Scope" column',
    ],
  ])('names the line for %s', (_name, text, message) => {
    const result = parseMasterPlan(text, { source: 'plan.md' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.join('\n')).toContain(message);
  });

  it('ignores tables inside fenced code blocks and handles escaped pipes', () => {
    const text = [
      '```markdown',
      '| Branch ID | Scope |',
      '|---|---|',
      '| X | x/ |',
      '```',
      '| Branch ID | Objective | Scope |',
      '|---|---|---|',
      '| Y | a \\| b | y/ |',
    ].join('\n');
    const result = parseMasterPlan(text);
    expect(result.ok && result.value.tasks.map((task) => [task.id, task.objective])).toEqual([
      ['Y', 'a | b'],
    ]);
  });

  it('reads a YAML plan and names lines in its errors', () => {
    const yaml = [
      'tasks:',
      '  - id: A',
      '    scope: src/a/',
      '    checks: [npm test]',
      '  - id: B',
      '    dependencies: A',
      '    scope: [src/b/, docs/b.md]',
    ].join('\n');
    const result = parseMasterPlan(yaml, { source: 'plan.yaml' });
    if (!result.ok) throw new Error(result.issues.join('\n'));
    expect(
      result.value.tasks.map((task) => [task.id, task.line, task.scope, task.dependencies]),
    ).toEqual([
      ['A', 2, ['src/a/'], []],
      ['B', 5, ['src/b/', 'docs/b.md'], ['A']],
    ]);
    const bad = parseMasterPlan(
      'tasks:\n  - id: A\n    scope: a/\n  - id: B\n    dependencies: [Z]\n    scope: b/\n',
      { source: 'plan.yaml' },
    );
    expect(!bad.ok && bad.issues).toEqual(['plan.yaml:4: task "B" depends on unknown task "Z"']);
  });

  it.each([
    [
      'tasks:\n  - id: A\n    colour: red\n    scope: a/',
      'plan.yaml:2: tasks.0: Unrecognized key: "colour"',
    ],
    ['tasks: [', 'plan.yaml:1: not valid YAML'],
    ['tasks: 3', 'plan.yaml: expected a mapping with a "tasks" list'],
    ['tasks: []', 'plan.yaml: the plan has no tasks'],
    ['tasks:\n  - id: A', 'plan.yaml:2: task "A" has no scope'],
  ])('rejects the YAML %j', (yaml, message) => {
    const result = parseMasterPlan(yaml, { source: 'plan.yaml' });
    expect(!result.ok && result.issues.join('\n')).toContain(message);
  });
});

// The three plans the hand-written parser got wrong (issue 14).
describe('parseMasterPlan on ordinary Markdown', () => {
  const ids = (text: string) => {
    const result = parseMasterPlan(text, { source: 'plan.md' });
    if (!result.ok) throw new Error(result.issues.join('\n'));
    return result.value.tasks.map((task) => [task.id, task.line]);
  };

  it('skips a template quoted in a four-backtick fence (which holds a three-backtick line) and reads the real table', () => {
    const text = [
      '# Plan', // 1
      '', // 2
      '````markdown', // 3
      '```', // 4
      '| Branch ID | Scope |', // 5
      '|---|---|', // 6
      '| TEMPLATE-01 | x/ |', // 7
      '```', // 8
      '````', // 9
      '', // 10
      '| Branch ID | Scope |', // 11
      '|---|---|', // 12
      '| REAL-01 | src/ |', // 13
    ].join('\n');
    expect(ids(text)).toEqual([['REAL-01', 13]]);
  });

  it('reads the table after a ~~~ fence holding a stray ``` line', () => {
    const text = [
      '~~~text',
      'a stray fence:',
      '```',
      '~~~',
      '',
      '| Branch ID | Scope |',
      '|---|---|',
      '| A | a/ |',
    ].join('\n');
    expect(ids(text)).toEqual([['A', 8]]);
  });

  it('reads a GFM table without leading or trailing pipes', () => {
    const text = [
      'Branch ID | Scope | Dependencies',
      '--- | --- | ---',
      'A | a/ |',
      'B | b/ | A',
    ].join('\n');
    expect(ids(text)).toEqual([
      ['A', 3],
      ['B', 4],
    ]);
  });

  it('keeps a glob in a cell as written (no emphasis) and reads <br> as a separator', () => {
    const result = parseMasterPlan(
      '| Branch ID | Scope |\n|---|---|\n| A | `src/**/*.ts`<br>docs/*.md |\n',
    );
    expect(result.ok && result.value.tasks[0]?.scope).toEqual(['src/**/*.ts', 'docs/*.md']);
  });

  it('names the line of a flow-style YAML task', () => {
    const yaml = 'tasks:\n  - {id: A, scope: a/}\n  - {id: B, scope: b/, dependencies: [Z]}\n';
    const result = parseMasterPlan(yaml, { source: 'p.yaml' });
    expect(!result.ok && result.issues).toEqual(['p.yaml:3: task "B" depends on unknown task "Z"']);
    const flow = parseMasterPlan('tasks: [{id: A, scope: a/}, {id: B, scope: b/}]', {
      source: 'p.yaml',
    });
    expect(flow.ok && flow.value.tasks.map((task) => task.line)).toEqual([1, 1]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPlaybookPlan } from '../src/format-playbook-plan';
import { parseMasterPlan } from '../src/parse-master-plan';
import { scheduleTasks } from '../src/schedule-tasks';

const parsed = parseMasterPlan(
  readFileSync(new URL('fixtures/master-plan.md', import.meta.url), 'utf8'),
  { source: 'plan.md' },
);
if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
const plan = parsed.value;
const schedule = scheduleTasks(plan.tasks, { concurrency: 2 });

describe('formatPlaybookPlan', () => {
  it('prints a table with waves, slots and scopes', () => {
    expect(formatPlaybookPlan(plan, schedule, 'table')).toBe(
      [
        'plan.md: 4 tasks, 2 at a time, 3 steps (unit durations)',
        '',
        'wave  start  slot  task        skill                    depends on            scope',
        '1     0      1     P1-CORE-01  development-implementer  -                     src/api/',
        '1     0      2     P1-DOC-01   technical-writer         -                     docs/, README.md',
        '2     1      1     P1-UI-01    development-implementer  P1-CORE-01            src/ui/**',
        '3     2      1     P1-QA-01    qa-test-engineer         P1-UI-01, P1-CORE-01  test/',
        '',
      ].join('\n'),
    );
  });

  it('prints canonical JSON, a mermaid graph and a GitHub matrix', () => {
    const json = JSON.parse(formatPlaybookPlan(plan, schedule, 'json'));
    expect(json.tasks[0]).toMatchObject({
      id: 'P1-CORE-01',
      wave: 1,
      start: 0,
      slot: 0,
      scope: ['src/api/'],
    });
    const mermaid = formatPlaybookPlan(plan, schedule, 'mermaid');
    expect(mermaid).toContain(
      'flowchart LR\n  subgraph wave1["wave 1"]\n    t_P1_CORE_01["P1-CORE-01: Settings API"]',
    );
    expect(mermaid).toContain('  t_P1_CORE_01 --> t_P1_UI_01');
    expect(JSON.parse(formatPlaybookPlan(plan, schedule, 'github-matrix'))).toEqual({
      include: [
        { task: 'P1-CORE-01', skill: 'development-implementer', wave: 1, depends_on: '' },
        { task: 'P1-DOC-01', skill: 'technical-writer', wave: 1, depends_on: '' },
        { task: 'P1-UI-01', skill: 'development-implementer', wave: 2, depends_on: 'P1-CORE-01' },
        { task: 'P1-QA-01', skill: 'qa-test-engineer', wave: 3, depends_on: 'P1-UI-01 P1-CORE-01' },
      ],
    });
  });

  it('lists tasks that can never run', () => {
    const text = formatPlaybookPlan(plan, { ...schedule, unscheduled: ['X'] }, 'table');
    expect(text).toContain('never runnable: X');
  });
});

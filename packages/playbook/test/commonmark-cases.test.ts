import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseMasterPlan } from '../src/parse-master-plan';

// Independent oracles: the CommonMark spec's own examples (commonmark-spec) and the reference
// implementation (commonmark.js), neither written here.
const require = createRequire(import.meta.url);
const spec = require('commonmark-spec') as {
  tests: { markdown: string; html: string; number: number; section: string }[];
};
const commonmark = require('commonmark') as {
  Parser: new () => { parse(text: string): unknown };
  HtmlRenderer: new () => { render(tree: unknown): string };
};
const reference = (text: string) =>
  new commonmark.HtmlRenderer().render(new commonmark.Parser().parse(text));

const TABLE = '| Branch ID | Scope |\n|---|---|\n| ORACLE-01 | oracle/ |\n';
const SECTIONS = ['Fenced code blocks', 'Indented code blocks', 'HTML blocks', 'Tabs'];
const cases = spec.tests.filter((test) => SECTIONS.includes(test.section));

describe('parseMasterPlan on the CommonMark spec examples', () => {
  it('has the spec cases to run', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  // Each example, then a plan table: the table is the plan exactly when the reference parser
  // does not swallow its lines into a code block or an HTML block (an unclosed fence runs to the
  // end of the document).
  it.each(cases.map((test) => [test.number, test.section, test.markdown] as const))(
    'example %i (%s): finds the table only outside code',
    (_example, _section, markdown) => {
      const text = `${markdown}\n\n${TABLE}`;
      const html = reference(text);
      const swallowed = !html.includes('<p>| Branch ID | Scope |');
      const result = parseMasterPlan(text, { source: 'plan.md' });
      const found = result.ok && result.value.tasks.some((task) => task.id === 'ORACLE-01');
      expect(found).toBe(!swallowed);
    },
  );
});

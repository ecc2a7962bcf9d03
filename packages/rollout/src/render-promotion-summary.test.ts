import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { PromotionResult } from './promotion-result';
import { renderPromotionSummary } from './render-promotion-summary';

const md = new MarkdownIt('default', { html: true, linkify: true });

const result = (user: Record<string, string>): PromotionResult => ({
  schema: 'rc.promotion-result.v1',
  mode: 'apply',
  action: 'promote',
  stage: 'canary',
  candidate: { version: '1.0.0', digest: null },
  target: { version: '1.0.0', digest: null },
  outcome: 'blocked',
  exit_code: 1,
  reasons: [`governance: intent ${user['intent']}`, 'approvals: 0 approvals, 1 required'],
  blocked_by: ['governance'],
  checks: [{ name: 'governance', passed: false, reason: `actor ${user['actor']}` }],
  decision: null,
  governance: {
    passed: false,
    checks: [
      { name: 'actor', passed: true, reason: `${user['actor']} is in allowed_actors` },
      { name: 'approvals', passed: false, reason: '0 approvals, 1 required' },
      { name: 'change_ticket', passed: false, reason: `ticket ${user['ticket']}` },
    ],
  },
  applier: {
    argv: [],
    exit_code: null,
    signal: null,
    timed_out: false,
    note: user['note'] ?? null,
    log: user['log'] ?? 'applier.log',
  },
  versions: { before: null, after: null },
  run_id: '2026-11-20T09-15-00-0700',
  idempotency_key: user['key'] ?? 'key',
  trace_id: user['trace'] ?? 'trace',
  actor: user['actor'] ?? null,
  intent: user['intent'] ?? null,
  change_ticket: user['ticket'] ?? null,
  approvers: [],
  signals: { file: 'ci/signals.json', source: null, found: false },
  recovered_by: null,
  phoenix_timestamps: {
    started: '2026-11-20T09:15:00.000-07:00',
    finished: '2026-11-20T09:15:00.000-07:00',
  },
});

/** The shape a reader sees: block tokens, table rows and cells, and any markup inside lines. */
function shape(markdown: string) {
  const tokens = md.parse(markdown, {});
  const inline = tokens.flatMap((token: Token) => token.children ?? []);
  return {
    blocks: tokens.filter((token) => token.type !== 'inline').map((token) => token.type),
    headings: tokens.filter((token) => token.type === 'heading_open').length,
    markup: inline
      .map((token) => token.type)
      .filter((type) => !['text', 'code_inline', 'strong_open', 'strong_close'].includes(type)),
  };
}

const PLAIN = { intent: 'promote x', actor: 'alice', ticket: 'CHG-1', key: 'k', trace: 't' };

describe('renderPromotionSummary', () => {
  it('keeps an intent that adds a heading and an HTML comment as literal text', () => {
    const intent = 'promote x\n## Approved by CTO\n<!--';
    const summary = renderPromotionSummary(result({ ...PLAIN, intent }));
    expect(shape(summary)).toEqual(shape(renderPromotionSummary(result(PLAIN))));
    expect(summary).not.toMatch(/^#+ Approved/m);
    expect(summary).not.toContain('<!--');
    expect(summary).toContain('| governance approvals | FAIL |');
  });

  it('has the same structure whatever the user-supplied fields hold', () => {
    const plain = shape(renderPromotionSummary(result(PLAIN)));
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'#|<>`*_[]!\\-+.\n =:'), minLength: 1, maxLength: 30 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.record({
          intent: field,
          actor: field,
          ticket: field,
          key: field,
          trace: field,
          note: field,
          log: field,
        }),
        (user) => {
          expect(shape(renderPromotionSummary(result(user)))).toEqual(plain);
        },
      ),
      { seed: 1212, numRuns: 300 },
    );
  });
});

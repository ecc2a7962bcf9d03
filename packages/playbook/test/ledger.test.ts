import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor } from '@rc/orchestrator-core';
import { describe, expect, it } from 'vitest';
import { appendLedger, ledgerLine, mergeLedgers, readLedger } from '../src/ledger-file';
import { renderLedger } from '../src/render-ledger';
import { entry } from './_entry';
import { tempDir } from './_git-fixture';

describe('ledger', () => {
  it('appends canonical redacted lines, repairs a torn last line and reads them back', async () => {
    const dir = tempDir('rc-ledger-');
    const redactor = createRedactor({ env: { API_TOKEN: 'sekrit-value' } });
    await appendLedger(dir, [entry('A', '2026-11-20T09:00:00.000-07:00')], redactor);
    writeFileSync(
      join(dir, 'ledger.ndjson'),
      `${readFileSync(join(dir, 'ledger.ndjson'), 'utf8')}{"torn":`,
    );
    const path = await appendLedger(
      dir,
      [entry('B', '2026-11-20T09:01:00.000-07:00', { evidence: 'saw sekrit-value' })],
      redactor,
    );
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('sekrit-value');
    expect(text.split('\n')[0]).toBe(
      ledgerLine(entry('A', '2026-11-20T09:00:00.000-07:00')).trimEnd(),
    );
    const ledger = await readLedger(path);
    expect(ledger.entries.map((item) => item.task_id)).toEqual(['A', 'B']);
    expect(ledger.malformed).toEqual(['line 2: not JSON']);
    expect(await readLedger(join(dir, 'missing.ndjson'))).toEqual({
      path: join(dir, 'missing.ndjson'),
      entries: [],
      malformed: [],
    });
    writeFileSync(join(dir, 'bad.ndjson'), '{"task_id":1}\n');
    expect((await readLedger(join(dir, 'bad.ndjson'))).malformed[0]).toMatch(/^line 1: /);
  });

  it('reads a ledger written before usage was recorded, its usage as null, and keeps usage', async () => {
    const dir = tempDir('rc-ledger-');
    const old: Record<string, unknown> = { ...entry('A', 't') };
    delete old['usage'];
    const usage = { input_tokens: 10, output_tokens: 2, cost_usd: 0.5 };
    writeFileSync(
      join(dir, 'ledger.ndjson'),
      `${JSON.stringify(old)}\n${ledgerLine(entry('B', 't', { usage }))}`,
    );
    const ledger = await readLedger(join(dir, 'ledger.ndjson'));
    expect(ledger.malformed).toEqual([]);
    expect(ledger.entries.map((item) => item.usage)).toEqual([null, usage]);
  });

  it('merges ledgers from several runners once each, by finish time', () => {
    const a = entry('A', '2026-11-20T09:02:00.000-07:00', { runner: 'r1' });
    const b = entry('B', '2026-11-20T09:01:00.000-07:00', { runner: 'r2' });
    expect(mergeLedgers([[a, b], [b]]).map((item) => item.task_id)).toEqual(['B', 'A']);
  });

  it('keeps hostile task text literal: one row per entry, no heading or comment', () => {
    const hostile = 'x\n## Approved by CTO\n<!--';
    const table = renderLedger([
      entry('A|B', 't', { evidence: hostile, next_action: '- [x] done', skill: '`s`' }),
    ]);
    expect(table.split('\n').filter((line) => line.startsWith('#'))).toEqual(['# Evidence Ledger']);
    expect(table).not.toContain('<!--');
    expect(table.split('\n')[4]).toBe(
      '| A\\|B | r | \\`s\\` | x \\#\\# Approved by CTO \\<\\!-- | pass | - | \\- \\[x\\] done |',
    );
  });

  it("renders the seed's Evidence Ledger table", () => {
    expect(
      renderLedger([
        entry('A', 't', {
          evidence: 'a | b',
          usage: { input_tokens: 1200, output_tokens: 300, cost_usd: 0.0123 },
        }),
        entry('B', 't', { result: 'partial', next_action: '' }),
        entry('C', 't', { usage: { input_tokens: 5, output_tokens: 7, cost_usd: null } }),
      ]),
    ).toBe(
      [
        '# Evidence Ledger',
        '',
        '| Task ID | Run | Owner Skill | Evidence | Result | Usage | Next Action |',
        '|---|---|---|---|---|---|---|',
        '| A | r | development-implementer | a \\| b | pass | 1200 in / 300 out tokens, $0.0123 | close task; unlock dependents |',
        '| B | r | development-implementer | diff\\: 1 file changed; no checks | partial | - | - |',
        '| C | r | development-implementer | diff\\: 1 file changed; no checks | pass | 5 in / 7 out tokens | close task; unlock dependents |',
        '',
      ].join('\n'),
    );
  });
});

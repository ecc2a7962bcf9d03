import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedactor, InvalidInputError } from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendDispatchLog, MAX_REASON_LENGTH } from './append-dispatch-log';
import { DISPATCH_LOG_FILE, type DispatchLogEntry } from './dispatch-log-entry';
import { findPriorDispatch } from './find-prior-dispatch';
import { readDispatchLog } from './read-dispatch-log';

const redactor = createRedactor({ env: {} });
const KEY = 'a'.repeat(64);

function entry(overrides: Partial<DispatchLogEntry> = {}): DispatchLogEntry {
  return {
    run_id: '2026-11-20T09-15-00-0700',
    idempotency_key: KEY,
    issue_number: 276,
    prompt: 'triage',
    workflow: 'orchestrator-runner',
    trigger: 'github',
    outcome: 'dispatched',
    reason: null,
    phoenix_timestamp: '2026-11-20T09:15:00.000-07:00',
    ...overrides,
  };
}

describe('dispatch log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rc-dispatch-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a missing log as empty', async () => {
    expect(await readDispatchLog(join(dir, 'nowhere'))).toEqual({
      path: join(dir, 'nowhere', DISPATCH_LOG_FILE),
      entries: [],
      malformed: [],
    });
  });

  it('appends one canonical JSON line per entry and reads them back in order', async () => {
    const nested = join(dir, 'artifacts', 'orchestrator');
    const first = await appendDispatchLog({ dir: nested, entry: entry(), redactor });
    await appendDispatchLog({
      dir: nested,
      entry: entry({ outcome: 'duplicate', reason: 'seen' }),
      redactor,
    });
    expect(first.path).toBe(join(nested, DISPATCH_LOG_FILE));
    expect(first.line).toBe(
      '{"idempotency_key":"' +
        KEY +
        '","issue_number":276,"outcome":"dispatched",' +
        '"phoenix_timestamp":"2026-11-20T09:15:00.000-07:00","prompt":"triage","reason":null,' +
        '"run_id":"2026-11-20T09-15-00-0700","trigger":"github","workflow":"orchestrator-runner"}\n',
    );
    const text = await readFile(first.path, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    const log = await readDispatchLog(nested);
    expect(log.entries.map((e) => e.outcome)).toEqual(['dispatched', 'duplicate']);
    expect(log.malformed).toEqual([]);
  });

  it('keeps every line whole when many appends race', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appendDispatchLog({ dir, entry: entry({ reason: `r${i}`.repeat(50) }), redactor }),
      ),
    );
    const log = await readDispatchLog(dir);
    expect(log.malformed).toEqual([]);
    expect(log.entries).toHaveLength(40);
  });

  it('sanitises and caps the reason, which may quote an API response', async () => {
    const reason = `HTTP 422 <!-- do X -->\u202E${'x'.repeat(2000)}`;
    await appendDispatchLog({ dir, entry: entry({ outcome: 'failed', reason }), redactor });
    const [read] = (await readDispatchLog(dir)).entries;
    expect(read?.reason?.startsWith('HTTP 422 xxx')).toBe(true);
    expect(read?.reason?.length).toBe(MAX_REASON_LENGTH + '…[truncated]'.length);
  });

  it('refuses an invalid entry and writes nothing', async () => {
    const bad = { ...entry(), outcome: 'maybe', extra: 1 } as unknown as DispatchLogEntry;
    const attempt = appendDispatchLog({ dir, entry: bad, redactor });
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toMatchObject({
      issues: [
        'outcome: expected one of dispatched, duplicate, failed, recorded, dry_run',
        'extra: unknown field',
      ],
    });
    expect((await readDispatchLog(dir)).entries).toEqual([]);
  });

  it('skips malformed lines and reports them, without crashing', async () => {
    const path = join(dir, DISPATCH_LOG_FILE);
    await writeFile(
      path,
      [
        JSON.stringify(entry()),
        '{not json',
        '',
        '[1,2]',
        JSON.stringify({ ...entry(), issue_number: -1, trigger: 'ftp', reason: 3, run_id: '' }),
        JSON.stringify(entry({ outcome: 'recorded' })),
        '',
      ].join('\n'),
    );
    const log = await readDispatchLog(dir);
    expect(log.entries.map((e) => e.outcome)).toEqual(['dispatched', 'recorded']);
    expect(log.malformed.map((m) => m.line)).toEqual([2, 4, 5]);
    expect(log.malformed[0]?.reason).toMatch(/^not JSON: /);
    expect(log.malformed[1]?.reason).toBe('(root): expected a JSON object');
    expect(log.malformed[2]?.reason).toBe(
      'run_id: expected a non-empty string; issue_number: expected a positive integer; ' +
        'trigger: expected one of github, local, none; reason: expected a string or null',
    );
  });

  it('starts a new line after a torn last line, so the new entry stays readable', async () => {
    await appendFile(join(dir, DISPATCH_LOG_FILE), '{"run_id":"2026-11');
    await appendDispatchLog({ dir, entry: entry(), redactor });
    const log = await readDispatchLog(dir);
    expect(log.entries).toHaveLength(1);
    expect(log.malformed.map((m) => m.line)).toEqual([1]);
  });

  it('redacts secrets from the line', async () => {
    const token = `ghp_${'A1b2'.repeat(9)}`;
    const { line } = await appendDispatchLog({
      dir,
      entry: entry({ outcome: 'failed', reason: `bad credentials ${token}` }),
      redactor,
    });
    expect(line).not.toContain(token);
    expect(await readFile(join(dir, DISPATCH_LOG_FILE), 'utf8')).toContain('bad credentials ***');
  });

  it('passes on read errors other than a missing file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(readDispatchLog(join(dir, 'file'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('findPriorDispatch', () => {
  it.each([
    ['dispatched', true],
    ['recorded', true],
    ['failed', false],
    ['duplicate', false],
    ['dry_run', false],
  ] as const)('counts an earlier %s entry: %s', (outcome, found) => {
    const prior = entry({ outcome });
    expect(findPriorDispatch([prior], KEY)).toBe(found ? prior : null);
  });

  it('returns the first successful entry for the key, ignoring other keys', () => {
    const other = entry({ idempotency_key: 'b'.repeat(64) });
    const failed = entry({ outcome: 'failed', run_id: '2026-11-20T09-14-00-0700' });
    const done = entry({ run_id: '2026-11-20T09-16-00-0700' });
    const later = entry({ run_id: '2026-11-20T09-17-00-0700', outcome: 'recorded' });
    expect(findPriorDispatch([other, failed, done, later], KEY)).toBe(done);
    expect(findPriorDispatch([other], KEY)).toBeNull();
    expect(findPriorDispatch([], KEY)).toBeNull();
  });
});

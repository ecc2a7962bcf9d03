import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedactor } from '../redact/create-redactor';
import { createLogger, type LoggerOptions, type LogLevel } from './create-logger';

const NOW = new Date('2026-11-20T16:15:00Z');

function setup(options: Partial<LoggerOptions> = {}) {
  const chunks: string[] = [];
  const logger = createLogger({
    stream: { write: (chunk: string) => chunks.push(chunk) },
    clock: () => NOW,
    redactor: createRedactor({ env: {}, secrets: ['s3cr3t-value'] }),
    ...options,
  });
  const records = () => chunks.map((chunk) => JSON.parse(chunk) as Record<string, unknown>);
  return { logger, chunks, records };
}

describe('createLogger', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('writes exactly one JSON line per call, ts, level and msg first', () => {
    const { logger, chunks } = setup();
    logger.info('dispatching', { command: 'implement', issue_number: 42 });
    expect(chunks).toEqual([
      '{"ts":"2026-11-20T09:15:00.000-07:00","level":"info","msg":"dispatching","command":"implement","issue_number":42}\n',
    ]);
  });

  it('keeps ts, level and msg first even before integer-like field names', () => {
    const { logger, chunks } = setup();
    logger.info('m', { b: 1, 0: 'zero' });
    expect(chunks[0]).toBe(
      '{"ts":"2026-11-20T09:15:00.000-07:00","level":"info","msg":"m","0":"zero","b":1}\n',
    );
  });

  it('leaves out fields whose value is undefined, as JSON.stringify does', () => {
    const { logger, chunks } = setup();
    logger.info('m', { gone: undefined, kept: null });
    expect(chunks[0]).toMatch(/"msg":"m","kept":null}\n$/);
  });

  it('writes ts in Phoenix time from the clock it is given', () => {
    const { logger, records } = setup({ clock: () => new Date('2026-07-01T00:00:00Z') });
    logger.warn('late');
    expect(records()[0]?.['ts']).toBe('2026-06-30T17:00:00.000-07:00');
  });

  it.each<[LogLevel, string[]]>([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ])('writes only lines at or above %s', (level, expected) => {
    const { logger, records } = setup({ level });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(records().map((record) => record['level'])).toEqual(expected);
  });

  it('writes nothing for debug when no level is given', () => {
    const { logger, chunks } = setup();
    logger.debug('hidden');
    expect(chunks).toEqual([]);
  });

  it('puts base fields before call fields and lets call fields override them', () => {
    const { logger, chunks } = setup({ fields: { run_id: 'r1', command: 'plan' } });
    logger.info('m', { command: 'implement', phoenix_timestamp: 'now' });
    expect(chunks[0]).toContain(
      '"msg":"m","run_id":"r1","command":"implement","phoenix_timestamp":"now"}',
    );
  });

  it('merges child fields over the parent without changing the parent', () => {
    const { logger, records } = setup({ fields: { run_id: 'r1', step: 'a' } });
    const child = logger.child({ step: 'b', issue_number: 7 });
    child.child({ attempt: 2 }).info('grandchild');
    logger.info('parent');
    expect(records()).toMatchObject([
      { msg: 'grandchild', run_id: 'r1', step: 'b', issue_number: 7, attempt: 2 },
      { msg: 'parent', run_id: 'r1', step: 'a' },
    ]);
    expect(records()[1]).not.toHaveProperty('issue_number');
  });

  it('keeps the child at the parent level', () => {
    const { logger, chunks } = setup({ level: 'warn' });
    logger.child({ a: 1 }).info('hidden');
    expect(chunks).toEqual([]);
  });

  it('does not let fields overwrite ts, level or msg', () => {
    const { logger, records } = setup();
    logger.info('real', { ts: 'fake', level: 'error', msg: 'fake', other: 1 });
    expect(records()[0]).toEqual({
      ts: '2026-11-20T09:15:00.000-07:00',
      level: 'info',
      msg: 'real',
      other: 1,
    });
  });

  it('redacts secrets in messages, field values and field keys', () => {
    const { logger, chunks } = setup();
    logger.info('token s3cr3t-value', { 's3cr3t-value': ['s3cr3t-value'] });
    expect(chunks[0]).not.toContain('s3cr3t-value');
    expect(chunks[0]).toContain('"msg":"token ***","***":["***"]');
  });

  it('redacts a secret that only appears once the line is serialised', () => {
    const { logger, chunks } = setup({
      redactor: createRedactor({ env: {}, secrets: ['"user":"root"'] }),
    });
    logger.info('m', { user: 'root' });
    expect(chunks[0]).not.toContain('"user":"root"');
  });

  it('writes an error field as name, message, code and cause, never the stack', () => {
    const { logger, records, chunks } = setup();
    const error = Object.assign(
      new Error('failed with s3cr3t-value', { cause: new Error('root') }),
      {
        code: 'E_OPERATION_FAILED',
      },
    );
    logger.error('push failed', { error });
    expect(records()[0]?.['error']).toEqual({
      name: 'Error',
      message: 'failed with ***',
      code: 'E_OPERATION_FAILED',
      cause: { name: 'Error', message: 'root' },
    });
    expect(chunks[0]).not.toMatch(/stack|create-logger\.test/);
  });

  it('writes BigInt, functions and symbols as text instead of throwing', () => {
    const { logger, records } = setup();
    logger.info('odd', {
      big: 12n,
      fn: function named() {
        return 1;
      },
      arrow: [() => 1],
      sym: Symbol('s'),
    });
    expect(records()[0]).toMatchObject({
      big: '12',
      fn: '[Function named]',
      arrow: ['[Function anonymous]'],
      sym: 'Symbol(s)',
    });
  });

  it('writes cycles as [Circular]', () => {
    const { logger, records } = setup();
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    logger.info('cycle', { loop });
    expect(records()[0]?.['loop']).toEqual({ self: '[Circular]' });
  });

  it('still writes one line, saying so, when the fields cannot be read at all', () => {
    const { logger, records } = setup();
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys');
        },
      },
    );
    logger.warn('s3cr3t-value here', { hostile });
    expect(records()).toEqual([
      {
        ts: '2026-11-20T09:15:00.000-07:00',
        level: 'warn',
        msg: '*** here',
        log_error: 'fields could not be serialised',
      },
    ]);
  });

  it('redacts secrets from process.env and token shapes when no redactor is given', () => {
    vi.stubEnv('RC_LOGGER_TEST_PASSWORD', 'env-pass-value');
    const chunks: string[] = [];
    const logger = createLogger({
      stream: { write: (c: string) => chunks.push(c) },
      clock: () => NOW,
    });
    logger.info('env-pass-value ghp_abcdefghijklmnopqrstuvwxyz');
    expect(chunks).toEqual([
      '{"ts":"2026-11-20T09:15:00.000-07:00","level":"info","msg":"*** ***"}\n',
    ]);
  });
});

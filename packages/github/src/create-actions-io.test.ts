import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { createRedactor } from '@rc/orchestrator-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActionsIo } from './create-actions-io';

const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}f6G7h8`;
const DELIMITED = /^(\w+)<<(ghadelimiter_[0-9a-f-]{36})\n([\s\S]*?)\n\2\n/;

let dir: string;
let outputFile: string;
let summaryFile: string;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-actions-io-'));
  outputFile = join(dir, 'output');
  summaryFile = join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_TOKEN: TOKEN,
    DEPLOY_KEY: 'not-a-github-shaped-secret',
  };
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

function parseOutputs(text: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  let rest = text;
  while (rest !== '') {
    const match = DELIMITED.exec(rest);
    if (!match) throw new Error(`not in the delimiter format: ${JSON.stringify(rest)}`);
    entries.push([match[1] ?? '', match[3] ?? '']);
    rest = rest.slice(match[0].length);
  }
  return entries;
}

describe('createActionsIo', () => {
  it('does nothing outside Actions', async () => {
    const stdout = { write: vi.fn() };
    const io = createActionsIo({ env: { ...env, GITHUB_ACTIONS: undefined }, stdout });
    expect(io.inActions).toBe(false);
    io.setOutput('plan', 'x');
    await io.appendSummary('# hi');
    io.mask(TOKEN);
    expect(await readFile(outputFile, 'utf8')).toBe('');
    expect(await readFile(summaryFile, 'utf8')).toBe('');
    expect(stdout.write).not.toHaveBeenCalled();
  });

  it('appends outputs to GITHUB_OUTPUT in the delimiter format, redacted', async () => {
    const io = createActionsIo({ env });
    expect(io.inActions).toBe(true);
    io.setOutput('run_id', '2026-11-20T09-15-00-0700');
    io.setOutput('log', `line one\ntoken=${TOKEN}\nkey=not-a-github-shaped-secret`);
    const text = await readFile(outputFile, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('not-a-github-shaped-secret');
    expect(parseOutputs(text)).toEqual([
      ['run_id', '2026-11-20T09-15-00-0700'],
      ['log', 'line one\ntoken=***\nkey=***'],
    ]);
  });

  it('strips credentials from URLs in outputs and the summary, with any redactor', async () => {
    const url = 'http://rcuser:Pw0rd-9x@127.0.0.1:8080/api/v3';
    const io = createActionsIo({ env, redactor: createRedactor({ env: {} }) });
    io.setOutput('api', url);
    await io.appendSummary(`- API ${url}: 500\n`);
    const written = (await readFile(outputFile, 'utf8')) + (await readFile(summaryFile, 'utf8'));
    expect(written).not.toMatch(/Pw0rd|rcuser/);
    expect(parseOutputs(await readFile(outputFile, 'utf8'))).toEqual([
      ['api', 'http://127.0.0.1:8080/api/v3'],
    ]);
    expect(await readFile(summaryFile, 'utf8')).toBe('- API http://127.0.0.1:8080/api/v3: 500\n');
  });

  it('writes what @actions/core writes, apart from the random delimiter', async () => {
    const coreFile = join(dir, 'core-output');
    await writeFile(coreFile, '');
    vi.stubEnv('GITHUB_OUTPUT', coreFile);
    const value = 'multi\nline\n\nvalue with <<EOF and ::set-output';
    core.setOutput('result', value);
    createActionsIo({ env }).setOutput('result', value);
    const normalize = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER');
    expect(normalize(await readFile(outputFile, 'utf8'))).toBe(
      normalize(await readFile(coreFile, 'utf8')),
    );
  });

  it('appends redacted markdown to GITHUB_STEP_SUMMARY as given', async () => {
    const io = createActionsIo({ env });
    await io.appendSummary('## rc plan\n\n');
    await io.appendSummary(`| token | ${TOKEN} |\n`);
    expect(await readFile(summaryFile, 'utf8')).toBe('## rc plan\n\n| token | *** |\n');
  });

  it('uses the redactor it is given', async () => {
    const redactor = createRedactor({ env: {}, secrets: ['hunter2'] });
    const io = createActionsIo({ env, redactor });
    io.setOutput('a', 'pw hunter2');
    await io.appendSummary('pw hunter2');
    expect(parseOutputs(await readFile(outputFile, 'utf8'))).toEqual([['a', 'pw ***']]);
    expect(await readFile(summaryFile, 'utf8')).toBe('pw ***');
  });

  it('reads the files from options.env, not process.env', async () => {
    vi.stubEnv('GITHUB_OUTPUT', join(dir, 'elsewhere'));
    vi.stubEnv('GITHUB_STEP_SUMMARY', join(dir, 'elsewhere'));
    const io = createActionsIo({ env });
    io.setOutput('a', '1');
    await io.appendSummary('s');
    expect(parseOutputs(await readFile(outputFile, 'utf8'))).toEqual([['a', '1']]);
    expect(await readFile(summaryFile, 'utf8')).toBe('s');
  });

  it('masks a secret, line by line, on the stdout it is given', () => {
    const chunks: string[] = [];
    const io = createActionsIo({ env, stdout: { write: (text: string) => chunks.push(text) } });
    io.mask(TOKEN);
    io.mask('first\nsecond 100%');
    io.mask('   ');
    expect(chunks.join('')).toBe(
      `::add-mask::${TOKEN}\n` +
        '::add-mask::first%0Asecond 100%25\n::add-mask::first\n::add-mask::second 100%25\n',
    );
  });

  it('refuses to mask inside Actions without a stdout', () => {
    expect(() => createActionsIo({ env }).mask(TOKEN)).toThrow(
      expect.objectContaining({
        code: 'E_OPERATION_FAILED',
        message: 'cannot mask a secret: createActionsIo was given no stdout',
      }),
    );
  });

  it.each(['', '1abc', 'a b', 'x<<y', 'a\nb'])('rejects the output name %j', (name) => {
    expect(() => createActionsIo({ env }).setOutput(name, 'v')).toThrow(
      expect.objectContaining({ code: 'E_INVALID_INPUT' }),
    );
  });

  it('fails with OperationError when the file variables are missing', async () => {
    const io = createActionsIo({ env: { GITHUB_ACTIONS: 'true' } });
    expect(() => io.setOutput('a', 'b')).toThrow(
      'cannot write to GITHUB_OUTPUT: the variable is not set',
    );
    await expect(io.appendSummary('x')).rejects.toThrow(
      'cannot write to GITHUB_STEP_SUMMARY: the variable is not set',
    );
  });

  it('fails with OperationError when a file cannot be written', async () => {
    const io = createActionsIo({ env: { ...env, GITHUB_OUTPUT: dir, GITHUB_STEP_SUMMARY: dir } });
    expect(() => io.setOutput('a', 'b')).toThrow(
      expect.objectContaining({
        code: 'E_OPERATION_FAILED',
        message: expect.stringMatching(/^cannot write to GITHUB_OUTPUT \(.*\): EISDIR/),
      }),
    );
    await expect(io.appendSummary('x')).rejects.toMatchObject({
      code: 'E_OPERATION_FAILED',
      message: expect.stringMatching(/^cannot write to GITHUB_STEP_SUMMARY \(.*\): EISDIR/),
    });
  });
});

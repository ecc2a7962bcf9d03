import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleEvent } from './_harness';

const bin = fileURLToPath(new URL('../dist/rc.js', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const rc = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input,
    env: { PATH: process.env['PATH'] ?? '' },
  });

describe('the bundled rc binary', () => {
  it('prints the package version', () => {
    const result = rc(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${manifest.version}\n`);
  });

  it('parses an event piped on stdin', () => {
    const result = rc(['orchestrator', 'parse'], readFileSync(exampleEvent, 'utf8'));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ issue_number: 276, prompt: 'triage' });
  });

  it('exits 2 with one message on bad input', () => {
    const result = rc(['orchestrator', 'parse'], 'not json');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^rc: stdin is not valid JSON: /);
  });
});

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runRc } from './_harness';

const SHA = '0123456789abcdef0123456789abcdef01234567';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rc-workflows-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rc workflows init', () => {
  it('writes caller workflows that use the reusable workflows at the ref, a config and prompts', async () => {
    const result = await runRc([
      'workflows',
      'init',
      '--dir',
      dir,
      '--ref',
      SHA,
      '--repository',
      'acme/rc',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).written).toEqual([
      '.github/workflows/rc-orchestrator.yml',
      '.github/workflows/rc-playbook.yml',
      'orchestration.yaml',
      'prompts/orchestrator/triage.md',
    ]);
    const caller = parse(
      await readFile(join(dir, '.github/workflows/rc-orchestrator.yml'), 'utf8'),
    );
    expect(caller.jobs.orchestrate.uses).toBe(
      `acme/rc/.github/workflows/reusable-orchestrator.yml@${SHA}`,
    );
    expect(result.stderr).toBe('');
    const lint = await runRc(['workflows', 'lint'], { cwd: dir });
    expect(lint.code).toBe(0);
    expect(lint.stderr).toContain('2 file(s), no findings');
  });

  it('never overwrites without --force and writes nothing when one file exists', async () => {
    await writeFile(join(dir, 'orchestration.yaml'), 'mine\n');
    const refused = await runRc(['workflows', 'init', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('orchestration.yaml already exist');
    expect(await readFile(join(dir, 'orchestration.yaml'), 'utf8')).toBe('mine\n');
    await expect(readFile(join(dir, '.github/workflows/rc-orchestrator.yml'))).rejects.toThrow();
    const forced = await runRc(['workflows', 'init', '--dir', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('wrote orchestration.yaml');
    expect(forced.stderr).toContain('is not a commit SHA');
    expect(await readFile(join(dir, 'orchestration.yaml'), 'utf8')).toContain('version: 1');
  });
});

describe('rc workflows lint', () => {
  it('finds nothing in the repository workflows', async () => {
    // release.yml publishes to npm with NPM_TOKEN, the one secret allowed besides the bot token.
    const result = await runRc(['workflows', 'lint', '--allow-secret', 'NPM_TOKEN']);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('prints file:line: rule: message for each finding and exits 1', async () => {
    const fixtures = join(repoRoot, 'packages/workflows/test/fixtures');
    await cp(fixtures, join(dir, 'fixtures'), { recursive: true });
    const result = await runRc(['workflows', 'lint', 'fixtures', '--no-actionlint'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      'fixtures/persist-credentials.yml:11: persist-credentials: job "build": checkout without "persist-credentials: false" leaves the token in .git/config',
    );
    expect(lines.every((line) => /^fixtures\/[\w-]+\.yml:\d+: [\w/-]+: /.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('actionlint/'))).toBe(false);
  });

  it('allows a named secret and prints JSON', async () => {
    const file = join(repoRoot, 'packages/workflows/test/fixtures/unexpected-secret.yml');
    const result = await runRc([
      'workflows',
      'lint',
      file,
      '--allow-secret',
      'NPM_TOKEN',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it('exits 2 for a path that does not exist', async () => {
    expect((await runRc(['workflows', 'lint', 'missing.yml'], { cwd: dir })).code).toBe(2);
  });
});

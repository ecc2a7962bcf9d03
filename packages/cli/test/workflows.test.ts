import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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

  it('never overwrites without --force, and never overwrites orchestration.yaml or prompts', async () => {
    const init = (...extra: string[]) =>
      runRc(['workflows', 'init', '--dir', dir, '--repository', 'acme/rc', '--ref', SHA, ...extra]);
    await writeFile(join(dir, 'orchestration.yaml'), 'mine\n');
    const first = await init();
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'kept orchestration.yaml (it exists; rc workflows init never overwrites it)',
    );
    expect(first.stdout).toContain('wrote .github/workflows/rc-orchestrator.yml');
    expect(await readFile(join(dir, 'orchestration.yaml'), 'utf8')).toBe('mine\n');

    await writeFile(join(dir, '.github/workflows/rc-playbook.yml'), 'edited\n');
    const refused = await init();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rc-playbook.yml already exist; nothing was written');
    expect(await readFile(join(dir, '.github/workflows/rc-playbook.yml'), 'utf8')).toBe('edited\n');

    const newer = 'f'.repeat(40);
    const forced = await runRc([
      'workflows',
      'init',
      '--dir',
      dir,
      '--repository',
      'acme/rc',
      '--ref',
      newer,
      '--force',
      '--only',
      'workflows',
    ]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(
      'overwrote .github/workflows/rc-orchestrator.yml\noverwrote .github/workflows/rc-playbook.yml\n',
    );
    expect(await readFile(join(dir, '.github/workflows/rc-playbook.yml'), 'utf8')).toContain(
      `rc-ref: ${newer}`,
    );
    expect(await readFile(join(dir, 'orchestration.yaml'), 'utf8')).toBe('mine\n');
  });

  it('refuses --only with anything but workflows', async () => {
    const result = await runRc([
      'workflows',
      'init',
      '--dir',
      dir,
      '--only',
      'config',
      '--repository',
      'acme/rc',
      '--ref',
      SHA,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--only: "config" is not "workflows"');
  });
});

// The committed single-file bundle, run the way the reusable workflows run it, from a directory of
// its own: a git checkout of rc on GitHub names itself; anything else must be named by flags.
describe('rc workflows init from the committed bundle', () => {
  const bundle = join(repoRoot, 'packages/cli/bundle/rc.cjs');
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const runBundle = (copy: string, args: string[]) =>
    spawnSync(process.execPath, [copy, ...args], { cwd: dir, encoding: 'utf8' });

  it('refuses, writing nothing, when it is not a checkout and no --repository/--ref are given', async () => {
    const alone = join(dir, 'alone');
    await mkdir(alone);
    await cp(bundle, join(alone, 'rc.cjs'));
    const result = runBundle(join(alone, 'rc.cjs'), ['workflows', 'init', '--dir', 'target']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('name the rc the workflows run: --repository OWNER/REPO --ref');
    await expect(
      readFile(join(dir, 'target/.github/workflows/rc-orchestrator.yml')),
    ).rejects.toThrow();
  });

  it('pins the repository and commit of the GitHub checkout it runs from', async () => {
    const checkout = join(dir, 'rc-clone');
    await mkdir(join(checkout, 'packages/cli/bundle'), { recursive: true });
    await cp(bundle, join(checkout, 'packages/cli/bundle/rc.cjs'));
    git(checkout, 'init', '-q', '-b', 'main');
    git(checkout, 'remote', 'add', 'origin', 'https://github.com/acme/rc.git');
    git(checkout, 'add', '.');
    git(checkout, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'rc');
    const head = git(checkout, 'rev-parse', 'HEAD');
    const result = runBundle(join(checkout, 'packages/cli/bundle/rc.cjs'), [
      'workflows',
      'init',
      '--dir',
      'target',
    ]);
    expect(result.stderr).toContain(`running rc from acme/rc at ${head}`);
    expect(result.status).toBe(0);
    const caller = parse(
      await readFile(join(dir, 'target/.github/workflows/rc-orchestrator.yml'), 'utf8'),
    );
    expect(caller.jobs.orchestrate.uses).toBe(
      `acme/rc/.github/workflows/reusable-orchestrator.yml@${head}`,
    );
    expect(caller.jobs.orchestrate.with).toEqual({ 'rc-repository': 'acme/rc', 'rc-ref': head });
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

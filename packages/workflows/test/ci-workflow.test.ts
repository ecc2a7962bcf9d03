import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadWorkflow, repoRoot, type Step, type Workflow } from './_repo';

// The project's own hand-written CI (ci.yml) and release (release.yml) workflows: what they
// promise, and the shell steps of ci.yml run for real against git and Nx in a temp workspace.

let ci: Workflow;
let release: Workflow;
beforeAll(async () => {
  ci = await loadWorkflow('ci.yml');
  release = await loadWorkflow('release.yml');
});

type MatrixJob = { strategy?: { matrix?: { node?: unknown }; 'fail-fast'?: boolean } };

function testSteps(): Step[] {
  return ci.jobs['test']?.steps ?? [];
}

function stepNamed(steps: Step[], name: string): Step {
  const step = steps.find((candidate) => candidate.name === name);
  expect(step, `a step named "${name}"`).toBeDefined();
  return step as Step;
}

function stepUsing(steps: Step[], action: string): Step[] {
  return steps.filter((step) => step.uses?.startsWith(`${action}@`));
}

const text = (file: string) => readFileSync(resolve(repoRoot, file), 'utf8');

describe('ci.yml', () => {
  it('runs on every pull request and on every push to main, the test job on Node 20.19, 22 and 24', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on['push']).toEqual({ branches: ['main'] });
    const job = ci.jobs['test'] as MatrixJob;
    expect(job.strategy?.matrix?.node).toEqual(['20.19', '22', '24']);
    expect(job.strategy?.['fail-fast']).toBe(false);
    expect(stepUsing(testSteps(), 'actions/setup-node')[0]?.with?.['node-version']).toBe(
      '${{ matrix.node }}',
    );
  });

  it('checks out the whole history, which nx affected and changeset status compare against', () => {
    for (const job of ['test', 'changesets'])
      expect(stepUsing(ci.jobs[job]?.steps ?? [], 'actions/checkout')[0]?.with).toMatchObject({
        'fetch-depth': 0,
        'persist-credentials': false,
      });
  });

  it("keeps Nx's task cache and its database between runs, keyed on the lockfile and the commit", () => {
    // Not shared under ~/.nx: .nx/cache holds the outputs, .nx/workspace-data the database.
    expect(ci.jobs['test']?.env?.['NX_CACHE_DIRECTORY']).toBe('.nx/cache');
    const [cache] = stepUsing(testSteps(), 'actions/cache');
    expect(cache?.with?.['path']).toBe('.nx/cache\n.nx/workspace-data/*.db\n');
    const key = String(cache?.with?.['key']);
    expect(key).toContain("${{ hashFiles('package-lock.json') }}");
    expect(key).toContain('${{ matrix.node }}');
    expect(key.endsWith('-${{ github.sha }}')).toBe(true);
    const restoreKeys = String(cache?.with?.['restore-keys']).trim().split('\n');
    expect(restoreKeys).toEqual([key.replace('${{ github.sha }}', ''), expect.any(String)]);
    expect(key.startsWith(restoreKeys[1] ?? '?')).toBe(true);
    // The database is renamed for this runner before Nx starts.
    const steps = testSteps();
    expect(
      steps.indexOf(stepNamed(steps, "Nx cache database under this runner's machine id")),
    ).toBe(steps.indexOf(cache as Step) + 1);
  });

  it('runs nx affected from the merge base on a pull request, the whole suite on main', () => {
    const steps = testSteps();
    const range = stepNamed(steps, 'Affected range of the pull request');
    expect(range.if).toBe("github.event_name == 'pull_request'");
    expect(range.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    const run = steps.findIndex((step) => step.run === 'bash .ci/run');
    expect(run).toBeGreaterThan(steps.indexOf(range));
    expect(text('.ci/run')).toMatch(
      /if \[ -n "\$\{NX_BASE:-\}" \]; then\n\s+npm run test:affected .*\nelse\n\s+npm test /,
    );
  });

  it('runs the same checks in affected mode as npm test does for every project', () => {
    const scripts = JSON.parse(text('package.json')).scripts as Record<string, string>;
    expect(scripts['test']).toContain('nx run-many -t ');
    expect(scripts['test:affected']).toBe(
      scripts['test']?.replace('nx run-many -t ', 'nx affected -t '),
    );
  });

  it('requires a changeset for every changed package, on pull requests only', () => {
    const job = ci.jobs['changesets'];
    expect(job?.if).toBe("github.event_name == 'pull_request'");
    const status = stepNamed(job?.steps ?? [], 'Every changed package has a changeset');
    expect(status.run).toBe('npx changeset status --since="origin/$BASE_REF"');
    expect(status.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
  });

  it('leaves the check that committed bundles and workflows match the build to .ci/run', () => {
    for (const job of Object.values(ci.jobs))
      for (const step of job.steps ?? []) expect(step.run ?? '').not.toContain('git diff');
    expect(text('.ci/run')).toContain(
      'git diff --quiet -- packages/workflows/action/ packages/cli/bundle/ .github/workflows/ action.yml',
    );
  });
});

describe('release.yml', () => {
  it('publishes with npm provenance, which is what its id-token: write is for', () => {
    const job = release.jobs['release'];
    expect(job?.permissions?.['id-token']).toBe('write');
    const [publish] = stepUsing(job?.steps ?? [], 'changesets/action');
    expect(publish?.with?.['publish']).toBe('npx changeset publish');
    expect(publish?.env?.['NPM_CONFIG_PROVENANCE']).toBe('true');
  });
});

// --- ci.yml's shell steps, run as GitHub runs them, against real git and Nx ---

const nxBin = join(repoRoot, 'node_modules/.bin/nx');

/**
 * Environment for git and Nx in a temp workspace as in ci.yml's test job (its `env:`), none of
 * the caller's NX_* settings, and a home of its own (Nx may keep data under ~/.nx).
 */
function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!name.startsWith('NX_') && name !== 'GITHUB_ENV') env[name] = value;
  return {
    ...env,
    ...ci.jobs['test']?.env,
    HOME: home,
    CI: 'true',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    GIT_AUTHOR_NAME: 'rc test',
    GIT_AUTHOR_EMAIL: 'rc@example.test',
    GIT_COMMITTER_NAME: 'rc test',
    GIT_COMMITTER_EMAIL: 'rc@example.test',
    ...extra,
  };
}

/** Runs a command in a temp workspace (its home is the workspace's ignored `.home`). */
function sh(cwd: string, file: string, args: string[], extra: Record<string, string> = {}): string {
  const env = cleanEnv(join(cwd, '.home'), extra);
  return execFileSync(file, args, { cwd, env, encoding: 'utf8', stdio: 'pipe' });
}

/** A step's script, run the way a GitHub runner runs `run:` (bash -eo pipefail). */
function runStep(cwd: string, step: Step, env: Record<string, string>): void {
  sh(cwd, 'bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], env);
}

/** An Nx workspace of two projects, p and q, each with a cached `make`, committed on main. */
function nxWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-ci-workflow-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, '.home'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n.nx\n.home\n');
  writeFileSync(join(dir, 'package.json'), '{ "name": "ci-sample", "private": true }\n');
  writeFileSync(
    join(dir, 'nx.json'),
    JSON.stringify({
      neverConnectToCloud: true,
      useDaemonProcess: false,
      targetDefaults: {
        make: { cache: true, inputs: ['{projectRoot}/in.txt'], outputs: ['{projectRoot}/out.txt'] },
      },
    }),
  );
  for (const name of ['p', 'q']) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'in.txt'), `${name}\n`);
    writeFileSync(
      join(dir, name, 'project.json'),
      JSON.stringify({ name, targets: { make: { command: `cp ${name}/in.txt ${name}/out.txt` } } }),
    );
  }
  sh(dir, 'git', ['init', '-q', '-b', 'main']);
  commitAll(dir, 'initial');
  return dir;
}

function commitAll(dir: string, message: string): string {
  sh(dir, 'git', ['add', '-A']);
  sh(dir, 'git', ['commit', '-q', '-m', message]);
  return sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
}

function affected(dir: string, base: string, head: string): string[] {
  const out = sh(dir, nxBin, ['show', 'projects', '--affected'], { NX_BASE: base, NX_HEAD: head });
  return out.split('\n').filter(Boolean).sort();
}

describe("ci.yml's affected range, run for real", () => {
  it('is the merge base with the target branch: a pull request is not blamed for what main gained since', () => {
    const dir = nxWorkspace();
    const forkPoint = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();
    sh(dir, 'git', ['checkout', '-q', '-b', 'pr']);
    writeFileSync(join(dir, 'p/in.txt'), 'p changed by the pull request\n');
    commitAll(dir, 'pull request');
    sh(dir, 'git', ['checkout', '-q', 'main']);
    writeFileSync(join(dir, 'q/in.txt'), 'q changed on main meanwhile\n');
    const mainTip = commitAll(dir, 'main moves on');
    // What actions/checkout gives a pull_request run: origin/<base> and GitHub's merge commit.
    sh(dir, 'git', ['update-ref', 'refs/remotes/origin/main', mainTip]);
    sh(dir, 'git', ['checkout', '-q', '--detach', mainTip]);
    sh(dir, 'git', ['merge', '-q', '--no-ff', '-m', 'merge pr', 'pr']);
    const merge = sh(dir, 'git', ['rev-parse', 'HEAD']).trim();

    const githubEnv = join(dir, '.github-env');
    writeFileSync(githubEnv, '');
    runStep(dir, stepNamed(testSteps(), 'Affected range of the pull request'), {
      BASE_REF: 'main',
      GITHUB_ENV: githubEnv,
    });
    const set = Object.fromEntries(
      readFileSync(githubEnv, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
    expect(set).toEqual({ NX_BASE: mainTip, NX_HEAD: merge });
    expect(affected(dir, set['NX_BASE'] ?? '', set['NX_HEAD'] ?? '')).toEqual(['p']);
    // From where the pull request forked, main's own change would count too.
    expect(affected(dir, forkPoint, merge)).toEqual(['p', 'q']);
  });
});

describe("ci.yml's Nx cache database step, run for real", () => {
  const cacheHit = /read the output from the cache/;

  /** Runs p:make once, then leaves what actions/cache saves, as another runner would restore it. */
  function restoredFromAnotherRunner(): string {
    const dir = nxWorkspace();
    expect(sh(dir, nxBin, ['run', 'p:make'])).not.toMatch(cacheHit);
    const data = join(dir, '.nx/workspace-data');
    const [db, ...others] = readdirSync(data).filter((name) => name.endsWith('.db'));
    expect(others).toEqual([]);
    expect(db).toMatch(/-v\d+\.db$/);
    for (const name of readdirSync(data)) if (name !== db) rmSync(join(data, name));
    renameSync(join(data, db ?? ''), join(data, `fv-az42-runner-${db?.split('-').pop()}`));
    rmSync(join(dir, 'p/out.txt'));
    return dir;
  }

  it("turns a cache restored from another runner into cache hits, under this runner's machine id", () => {
    const dir = restoredFromAnotherRunner();
    const untouched = mkdtempSync(join(tmpdir(), 'rc-ci-workflow-'));
    onTestFinished(() => rmSync(untouched, { recursive: true, force: true }));
    cpSync(dir, untouched, { recursive: true, verbatimSymlinks: true });

    runStep(dir, stepNamed(testSteps(), "Nx cache database under this runner's machine id"), {});
    expect(readdirSync(join(dir, '.nx/workspace-data')).some((n) => n.startsWith('fv-az42'))).toBe(
      false,
    );
    expect(sh(dir, nxBin, ['run', 'p:make'])).toMatch(cacheHit);
    expect(readFileSync(join(dir, 'p/out.txt'), 'utf8')).toBe('p\n');

    // Without the step, Nx ignores what was restored and runs the task again.
    expect(sh(untouched, nxBin, ['run', 'p:make'])).not.toMatch(cacheHit);
  });

  it('does nothing when no cache was restored', () => {
    const dir = nxWorkspace();
    runStep(dir, stepNamed(testSteps(), "Nx cache database under this runner's machine id"), {});
    expect(sh(dir, 'git', ['status', '--porcelain'])).toBe('');
  });
});

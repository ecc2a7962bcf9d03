import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishablePackages, root } from './_workspace';

// What a stranger does first in a clone: run `rc`. And what every doc tells them to type must run
// this project's CLI, never the unrelated `rc` package on the npm registry that `npx rc` resolves.

/** Every text file under dir (recursively), skipping dependencies and build output. */
function textFiles(dir: string, extensions: RegExp): string[] {
  const skip = new Set(['node_modules', 'dist', '.git', 'coverage', '.nx', 'action']);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skip.has(name)) return [];
    if (statSync(path).isDirectory()) return textFiles(path, extensions);
    return extensions.test(name) ? [path] : [];
  });
}

describe('rc in a clone', () => {
  it('is linked into node_modules/.bin by npm ci, through the committed launcher stub', () => {
    const bin = join(root, 'node_modules/.bin/rc');
    expect(existsSync(bin)).toBe(true);
    expect(realpathSync(bin)).toBe(realpathSync(join(root, 'packages/cli/bin/rc.cjs')));
  });

  it("runs this project's CLI through `npx --no-install rc`", () => {
    const cli = publishablePackages().find((pkg) => pkg.name === '@rc/cli');
    const result = spawnSync('npx', ['--no-install', 'rc', '--version'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(cli?.version);
  });
});

describe('docs and templates', () => {
  const files = [
    ...textFiles(join(root, 'docs'), /\.(md|ya?ml)$/),
    ...textFiles(join(root, 'examples'), /\.(md|ya?ml|mjs|json)$/),
    ...textFiles(join(root, '.github'), /\.(md|ya?ml)$/),
    ...textFiles(join(root, 'packages'), /\.(md|ya?ml|ts)$/).filter(
      (file) => !/\.test\.ts$/.test(file),
    ),
    join(root, 'README.md'),
    join(root, 'CONTRIBUTING.md'),
    join(root, 'action.yml'),
  ];

  it('never say `npx rc`, which runs an unrelated registry package where rc is not installed', () => {
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          /\bnpx\s+(--\S+\s+)*rc\b/.test(line) ? [`${relative(root, file)}:${index + 1}`] : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('every publishable package', () => {
  it.each(publishablePackages().map((pkg) => [pkg.name, pkg.dir]))(
    '%s has a licence file and says where it comes from',
    (_name, dir) => {
      expect(existsSync(join(dir, 'LICENSE'))).toBe(true);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(manifest.repository).toMatchObject({ type: 'git', directory: relative(root, dir) });
      expect(typeof manifest.homepage).toBe('string');
      expect(typeof manifest.bugs?.url).toBe('string');
      // npm puts a package folder's LICENSE in its tarball whatever `files` says: check it does.
      const packed = JSON.parse(
        spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
          cwd: dir,
          encoding: 'utf8',
        }).stdout,
      ) as { files: { path: string }[] }[];
      const paths = packed[0]?.files.map((file) => file.path) ?? [];
      expect(paths).toContain('LICENSE');
      if (manifest.name === '@rc/cli') expect(paths).toContain('bin/rc.cjs');
    },
  );
});

// The first hour of an adopter, end to end: the committed single-file bundle (what the reusable
// workflows run), a fresh git repository, nothing of @rc/* installed: init, lint, then a
// maintainer's comment through gate, plan and dispatch.
describe('adopting rc from the committed bundle alone', () => {
  const bundleDir = join(root, 'packages/cli/bundle');
  const repo = mkdtempSync(join(tmpdir(), 'rc-adopt-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const sha = '0123456789abcdef0123456789abcdef01234567';
  // PATH holds the bundle's launcher, node and git; no node_modules/.bin.
  const env = {
    PATH: [bundleDir, dirname(process.execPath), '/usr/bin', '/bin'].join(':'),
    HOME: repo,
    NO_COLOR: '1',
  };
  const rc = (...args: string[]) => spawnSync('rc', args, { cwd: repo, env, encoding: 'utf8' });

  it('scaffolds, lints clean and dispatches a simulated comment', () => {
    expect(spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: repo }).status).toBe(0);
    const init = rc('workflows', 'init', '--repository', 'acme/rc', '--ref', sha);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const caller = readFileSync(join(repo, '.github/workflows/rc-orchestrator.yml'), 'utf8');
    expect(caller).toContain(`uses: acme/rc/.github/workflows/reusable-orchestrator.yml@${sha}`);

    const lint = rc('workflows', 'lint');
    expect(lint.stdout).toBe('');
    expect(lint.status).toBe(0);

    const simulate = rc(
      'simulate',
      '--comment',
      '/orchestrate #7 prompt=triage',
      '--author',
      'alice',
      '--role',
      'maintain',
      '--token',
      'fake',
      '--json',
    );
    expect(simulate.status).toBe(0);
    expect(JSON.parse(simulate.stdout)).toMatchObject({ gate: 0, dispatch: 0 });
    expect(simulate.stderr).toContain('step gate: rc gate check');
    expect(simulate.stderr).toContain('step dispatch: rc orchestrator dispatch');
    const runs = readdirSync(join(repo, 'artifacts/orchestrator')).filter((name) =>
      /^\d{4}-/.test(name),
    );
    expect(runs).toHaveLength(1);
    const plan = JSON.parse(
      readFileSync(join(repo, 'artifacts/orchestrator', runs[0] ?? '', 'plan.json'), 'utf8'),
    );
    expect(plan).toMatchObject({
      issue: { number: 7 },
      prompt: { path: 'prompts/orchestrator/triage.md' },
      workflow: { file: 'rc-orchestrator.yml' },
    });
  });
});

describe('orchestration.yaml and its schema', () => {
  const schema = JSON.parse(
    readFileSync(join(root, 'packages/orchestrator-core/schema.json'), 'utf8'),
  ) as { $id: string };

  it("has an $id that an editor can fetch: the file in rc's repository", () => {
    expect(schema.$id).toMatch(
      /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/[^/]+\/packages\/orchestrator-core\/schema\.json$/,
    );
  });

  const examples = readdirSync(join(root, 'examples'))
    .map((name) => join(root, 'examples', name, 'orchestration.yaml'))
    .filter((path) => existsSync(path));

  it.each(examples.map((path) => [relative(root, path), path]))(
    '%s starts with a yaml-language-server line naming the shipped schema',
    (_name, path) => {
      const first = readFileSync(path, 'utf8').split('\n')[0] ?? '';
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match).not.toBeNull();
      expect(realpathSync(join(dirname(path), match?.[1] ?? ''))).toBe(
        realpathSync(join(root, 'packages/orchestrator-core/schema.json')),
      );
    },
  );
});

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
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

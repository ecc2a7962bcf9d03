import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

// The generator as a user runs it (`nx g @rc/nx-plugin:package`), in a throwaway workspace on
// disk with this repository's root bases, then the real tsc, tsup and vitest on what it wrote.
const workspaceRoot = join(__dirname, '../../../../..');
const bin = (name: string) => join(workspaceRoot, 'node_modules/.bin', name);

function scratchWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-generator-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  symlinkSync(join(workspaceRoot, 'node_modules'), join(dir, 'node_modules'));
  for (const file of [
    'tsconfig.base.json',
    'tsup.config.base.ts',
    'vitest.config.base.ts',
    '.prettierrc.json',
    'LICENSE',
  ])
    copyFileSync(join(workspaceRoot, file), join(dir, file));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module', workspaces: ['packages/*'] }),
  );
  writeFileSync(join(dir, 'nx.json'), JSON.stringify({ neverConnectToCloud: true }));
  mkdirSync(join(dir, '.home'));
  return dir;
}

function run(cwd: string, file: string, args: string[], home: string) {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env))
    if (!name.startsWith('NX_') && !name.startsWith('VITEST')) env[name] = value;
  const result = spawnSync(file, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...env,
      HOME: home,
      CI: 'true',
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
    },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('nx g @rc/nx-plugin:package in a scratch workspace', () => {
  it('writes a package that builds and typechecks, with no placeholder export and no test', async () => {
    const dir = scratchWorkspace();
    const home = join(dir, '.home');
    const generated = run(
      dir,
      bin('nx'),
      [
        'g',
        '@rc/nx-plugin:package',
        'scratch-thing',
        '--layer=domain',
        '--description=A throwaway.',
        '--no-interactive',
      ],
      home,
    );
    expect(generated.output).toContain('add its first export');
    expect(generated.code).toBe(0);

    const pkg = join(dir, 'packages/scratch-thing');
    expect(filesUnder(pkg)).toEqual([
      'LICENSE',
      'README.md',
      'package.json',
      'src/index.ts',
      'tsconfig.json',
      'tsup.config.ts',
      'vitest.config.ts',
    ]);
    for (const file of filesUnder(pkg))
      expect(readFileSync(join(pkg, file), 'utf8')).not.toMatch(/packageInfo|package-info/);
    expect(JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'))).toMatchObject({
      name: '@rc/scratch-thing',
      description: 'A throwaway.',
      nx: { tags: ['layer:domain'] },
    });

    const typecheck = run(pkg, bin('tsc'), ['-p', 'tsconfig.json'], home);
    expect(typecheck.output).toBe('');
    expect(typecheck.code).toBe(0);

    const build = run(pkg, bin('tsup'), [], home);
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(pkg, 'dist/index.d.ts'))).toBe(true);
    // Its public API is empty until the author adds the first export.
    expect(Object.keys(await import(pathToFileURL(join(pkg, 'dist/index.js')).href))).toEqual([]);

    const tests = run(pkg, bin('vitest'), ['run'], home);
    expect(tests.output).toContain('No test files found');
    expect(tests.code).not.toBe(0);
  }, 180_000);
});

import { readJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

// Loaded through Node's own require, exactly as Nx loads the factory named in generators.json.
const require = createRequire(import.meta.url);
const generatorModule = require('./generator.cjs');
const { packageGenerator } = generatorModule;

const workspaceRoot = join(__dirname, '../../../../..');
const readRoot = (file: string) => readFileSync(join(workspaceRoot, file), 'utf-8');

describe('packageGenerator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    // Format as the real workspace does: prettier with the root config, not the empty tree's oxfmt.
    tree.delete('.oxfmtrc.json');
    tree.write('.prettierrc', readRoot('.prettierrc.json'));
  });

  it('is the default export Nx loads from generators.json', () => {
    const generators = JSON.parse(readRoot('tools/rc-plugin/generators.json'));
    expect(generators.generators.package.factory).toBe('./src/generators/package/generator.cjs');
    expect(generatorModule.default).toBe(packageGenerator);
    expect(generatorModule).toBe(packageGenerator);
  });

  it('copies the workspace LICENSE into the package, so npm packs it', async () => {
    tree.write('LICENSE', 'MIT License\n');
    await packageGenerator(tree, { name: 'licensed', layer: 'adapter' });
    expect(tree.read('packages/licensed/LICENSE', 'utf8')).toBe('MIT License\n');
  });

  it('writes the manifest with the layer tag and the standard scripts', async () => {
    await packageGenerator(tree, {
      name: 'my-adapter',
      layer: 'adapter',
      description: 'Talks to X.',
    });

    const manifest = readJson(tree, 'packages/my-adapter/package.json');
    expect(manifest).toEqual({
      name: '@rc/my-adapter',
      version: '0.1.0',
      description: 'Talks to X.',
      license: 'MIT',
      repository: {
        type: 'git',
        url: 'git+https://github.com/rc-project/rc.git',
        directory: 'packages/my-adapter',
      },
      homepage: 'https://github.com/rc-project/rc/tree/main/packages/my-adapter#readme',
      bugs: { url: 'https://github.com/rc-project/rc/issues' },
      type: 'module',
      sideEffects: false,
      engines: { node: '>=20.19' },
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './package.json': './package.json',
      },
      files: ['dist'],
      scripts: {
        build: 'tsup',
        typecheck: 'tsc -p tsconfig.json',
        lint: 'eslint .',
        test: 'vitest run --coverage',
        publint: 'publint --strict',
        attw: 'attw --pack --profile esm-only',
      },
      nx: { name: 'my-adapter', tags: ['layer:adapter'] },
    });
  });

  it('keeps the scripts identical to orchestrator-core', async () => {
    await packageGenerator(tree, { name: 'same-scripts', layer: 'core' });

    // orchestrator-core may add scripts of its own (schema); the standard ones must match.
    const reference = JSON.parse(readRoot('packages/orchestrator-core/package.json'));
    const scripts = readJson(tree, 'packages/same-scripts/package.json').scripts;
    expect(Object.keys(scripts).sort()).toEqual([
      'attw',
      'build',
      'lint',
      'publint',
      'test',
      'typecheck',
    ]);
    for (const [name, command] of Object.entries(scripts)) {
      expect(reference.scripts[name]).toBe(command);
    }
  });

  it.each(['tsconfig.json', 'tsup.config.ts', 'vitest.config.ts'])(
    'writes %s identical to orchestrator-core',
    async (file) => {
      await packageGenerator(tree, { name: 'config-copy', layer: 'domain' });

      expect(tree.read(`packages/config-copy/${file}`, 'utf-8')).toBe(
        readRoot(`packages/orchestrator-core/${file}`),
      );
    },
  );

  it('writes an empty public index and a README, and seeds no placeholder export or test', async () => {
    await packageGenerator(tree, {
      name: 'first-steps',
      layer: 'app',
      description: 'Does things.',
    });

    const root = 'packages/first-steps';
    expect(tree.children(root).sort()).toEqual([
      'README.md',
      'package.json',
      'src',
      'tsconfig.json',
      'tsup.config.ts',
      'vitest.config.ts',
    ]);
    expect(tree.children(`${root}/src`)).toEqual(['index.ts']);
    const index = tree.read(`${root}/src/index.ts`, 'utf-8') ?? '';
    expect(index).toContain('The public API of @rc/first-steps');
    expect(index.split('\n').filter((line) => line.startsWith('export'))).toEqual(['export {};']);

    const readme = tree.read(`${root}/README.md`, 'utf-8') ?? '';
    expect(readme.startsWith('# @rc/first-steps\n\nDoes things.\n')).toBe(true);
    expect(readme.match(/^## .+$/gm)).toEqual(['## Install', '## Usage', '## API']);
    expect(readme).not.toContain('packageInfo');
  });

  it('leaves no template suffix or placeholder behind', async () => {
    await packageGenerator(tree, { name: 'no-leftovers', layer: 'core' });

    const files: string[] = [];
    const walk = (dir: string) =>
      tree.children(dir).forEach((child) => {
        const full = `${dir}/${child}`;
        if (tree.isFile(full)) files.push(full);
        else walk(full);
      });
    walk('packages/no-leftovers');
    for (const file of files) {
      expect(file).not.toMatch(/__/);
      expect(tree.read(file, 'utf-8')).not.toMatch(/<%|%>/);
    }
  });

  it('defaults the description and escapes quotes in it', async () => {
    await packageGenerator(tree, { name: 'plain', layer: 'domain' });
    await packageGenerator(tree, {
      name: 'quoted',
      layer: 'core',
      description: '  Parses "quoted"\n  text.  ',
    });

    expect(readJson(tree, 'packages/plain/package.json').description).toBe(
      'The plain package of rc (layer:domain).',
    );
    expect(readJson(tree, 'packages/quoted/package.json').description).toBe(
      'Parses "quoted" text.',
    );
  });

  it('returns a callback that reminds to install', async () => {
    const callback = await packageGenerator(tree, {
      name: 'reminder',
      layer: 'core',
      skipFormat: true,
    });

    expect(typeof callback).toBe('function');
    expect(() => callback()).not.toThrow();
  });

  it.each(['MyPkg', 'my_pkg', '1pkg', '-pkg', 'pkg-', 'my--pkg', 'my pkg', '', undefined, 42])(
    'rejects the name %j',
    async (name) => {
      await expect(packageGenerator(tree, { name, layer: 'core' })).rejects.toThrow(
        /^Invalid package name .*kebab-case/,
      );
      expect(tree.exists('packages')).toBe(false);
    },
  );

  it.each(['tooling', 'Core', '', undefined])('rejects the layer %j', async (layer) => {
    await expect(packageGenerator(tree, { name: 'ok-name', layer })).rejects.toThrow(
      'Invalid layer',
    );
    await expect(packageGenerator(tree, { name: 'ok-name', layer })).rejects.toThrow(
      'use one of core, adapter, domain, app',
    );
  });

  it('rejects a description that is not a string', async () => {
    await expect(
      packageGenerator(tree, { name: 'ok-name', layer: 'core', description: 7 }),
    ).rejects.toThrow('Invalid description for package "ok-name"');
  });

  it('rejects a package folder that already exists', async () => {
    tree.write('packages/taken/README.md', '# taken\n');

    await expect(packageGenerator(tree, { name: 'taken', layer: 'core' })).rejects.toThrow(
      'Cannot create package "taken": packages/taken already exists.',
    );
    expect(tree.read('packages/taken/README.md', 'utf-8')).toBe('# taken\n');
  });

  it('rejects a second run with the same name', async () => {
    await packageGenerator(tree, { name: 'twice', layer: 'core' });

    await expect(packageGenerator(tree, { name: 'twice', layer: 'adapter' })).rejects.toThrow(
      'packages/twice already exists',
    );
  });

  it('rejects a name already used by a project elsewhere', async () => {
    tree.write(
      'tools/elsewhere/package.json',
      JSON.stringify({ name: '@rc/elsewhere', nx: { name: 'elsewhere' } }),
    );
    tree.write(
      'package.json',
      JSON.stringify({ ...readJson(tree, 'package.json'), workspaces: ['packages/*', 'tools/*'] }),
    );

    await expect(packageGenerator(tree, { name: 'elsewhere', layer: 'core' })).rejects.toThrow(
      'an Nx project with that name already exists at tools/elsewhere',
    );
  });
});

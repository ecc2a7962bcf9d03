import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishablePackages, root, sh } from './_workspace';

// `changeset version` on a copy of the workspace's manifests and changeset config, with one
// sample changeset: the right packages are bumped and get CHANGELOGs. Offline: the default
// changelog generator needs no network.
let copy: string;
const manifest = (dir: string) => JSON.parse(readFileSync(join(copy, dir, 'package.json'), 'utf8'));

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'rc-changeset-'));
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  cpSync(join(root, '.changeset/config.json'), join(copy, '.changeset/config.json'));
  for (const area of ['packages', 'tools']) {
    for (const name of readdirSync(join(root, area))) {
      cpSync(join(root, area, name, 'package.json'), join(copy, area, name, 'package.json'));
    }
  }
  writeFileSync(
    join(copy, '.changeset/sample-core-change.md'),
    "---\n'@rc/orchestrator-core': minor\n---\n\nSample: a new option on the parser.\n",
  );
  sh(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {
    cwd: copy,
  });
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('changeset version', () => {
  it('bumps the changed package and writes its CHANGELOG', () => {
    expect(manifest('packages/orchestrator-core').version).toBe('0.2.0');
    const changelog = readFileSync(join(copy, 'packages/orchestrator-core/CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('## 0.2.0');
    expect(changelog).toContain('Sample: a new option on the parser.');
  });

  it('patches the packages that depend on it and moves their range', () => {
    const gate = manifest('packages/gate');
    expect(gate.version).toBe('0.1.1');
    expect(gate.dependencies['@rc/orchestrator-core']).toBe('^0.2.0');
    expect(readFileSync(join(copy, 'packages/gate/CHANGELOG.md'), 'utf8')).toContain(
      '@rc/orchestrator-core@0.2.0',
    );
  });

  it('leaves private tooling alone and consumes the changeset', () => {
    expect(manifest('tools/rc-plugin').version).toBe('0.0.0');
    expect(readdirSync(join(copy, '.changeset'))).toEqual(['config.json']);
    expect(publishablePackages().length).toBeGreaterThan(0);
  });
});

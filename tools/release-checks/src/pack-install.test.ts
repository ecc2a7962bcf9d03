import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishablePackages, root, sh } from './_workspace';

// Publishing would work: pack every package with npm, install the tarballs into a fresh project,
// and use them the way a user would.
let project: string;
const packages = publishablePackages();

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'rc-pack-'));
  const tarballs = join(project, 'tarballs');
  mkdirSync(tarballs);
  for (const pkg of packages)
    sh('npm', ['pack', '--silent', '--pack-destination', tarballs], { cwd: pkg.dir });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'rc-user', private: true, type: 'module' }),
  );
  const files = readdirSync(tarballs).map((file) => join(tarballs, file));
  sh('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...files], { cwd: project });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed packages', () => {
  it('include every publishable package', () => {
    expect(packages.map((pkg) => pkg.name)).toEqual(
      expect.arrayContaining([
        '@rc/orchestrator-core',
        '@rc/cli',
        '@rc/gate',
        '@rc/dispatch',
        '@rc/playbook',
        '@rc/github',
      ]),
    );
  });

  it('give a working `npx rc --version`', () => {
    const cli = packages.find((pkg) => pkg.name === '@rc/cli');
    expect(sh('npx', ['--no-install', 'rc', '--version'], { cwd: project }).trim()).toBe(
      cli?.version,
    );
  });

  it('run `rc orchestrator plan` on the example event', () => {
    const repo = join(project, 'repo');
    cpSync(join(root, 'examples/repo'), repo, { recursive: true });
    const event = join(root, 'examples/events/issue-comment-orchestrate.json');
    const out = sh(
      join(project, 'node_modules/.bin/rc'),
      [
        'orchestrator',
        'plan',
        '--event-path',
        event,
        '--run-id',
        '2026-11-20T09-15-00-0700',
        '--json',
      ],
      { cwd: repo },
    );
    expect(JSON.parse(out)).toMatchObject({
      run_id: '2026-11-20T09-15-00-0700',
      issue: { number: 276 },
    });
  });

  it('import @rc/orchestrator-core from an ESM script', () => {
    writeFileSync(
      join(project, 'use-core.mjs'),
      [
        "import { parseOrchestrateCommand, formatRunId } from '@rc/orchestrator-core';",
        "import schema from '@rc/orchestrator-core/schema.json' with { type: 'json' };",
        "const parsed = parseOrchestrateCommand('/orchestrate #7 prompt=x');",
        'console.log(JSON.stringify({ ok: parsed.ok, issue: parsed.ok && parsed.value.issue_number,',
        '  runId: formatRunId(Date.UTC(2026, 10, 20, 16, 15)), title: schema.title }));',
      ].join('\n'),
    );
    expect(JSON.parse(sh(process.execPath, ['use-core.mjs'], { cwd: project }))).toEqual({
      ok: true,
      issue: 7,
      runId: '2026-11-20T09-15-00-0700',
      title: 'rc orchestration.yaml',
    });
  });
});

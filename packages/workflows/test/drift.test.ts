import { readdir, readFile } from 'node:fs/promises';
import { loadOrchestrationConfig } from '@rc/orchestrator-core';
import { parse } from 'yaml';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderStarterFiles, renderWorkflows } from '../src/index';
import { repoRoot } from './_repo';

describe('renderWorkflows', () => {
  it.each(renderWorkflows().map((file) => [file.path, file.text]))(
    '%s in the repository is what the templates generate (npm run generate -w @rc/workflows)',
    async (path, text) => {
      expect(await readFile(resolve(repoRoot, path), 'utf8')).toBe(text);
    },
  );

  it('generates every workflow in .github/workflows except the hand-written ci.yml and release.yml', async () => {
    const onDisk = (await readdir(resolve(repoRoot, '.github/workflows'))).sort();
    const generated = renderWorkflows().map((file) => file.path.split('/').pop());
    expect(onDisk).toEqual([...generated, 'ci.yml', 'release.yml'].sort());
  });

  it('is deterministic and follows the options', () => {
    expect(renderWorkflows()).toEqual(renderWorkflows());
    const custom = renderWorkflows({ rcRepository: 'acme/rc-fork', nodeVersion: '22' });
    expect(custom.find((file) => file.path.endsWith('reusable-orchestrator.yml'))?.text).toContain(
      "default: 'acme/rc-fork'",
    );
    expect(
      custom.find((file) => file.path.endsWith('ops-manager-promotion-rollout.yml'))?.text,
    ).toContain("node-version: '22'");
  });

  it.each(
    [
      ...renderWorkflows(),
      ...renderStarterFiles({ ref: 'a'.repeat(40), repository: 'acme/rc' }),
    ].map((file) => [file.path, file.text]),
  )('%s is already prettier-formatted, so `prettier --check .` passes', async (path, text) => {
    const options = await resolveConfig(resolve(repoRoot, path));
    expect(await format(text, { ...options, filepath: path })).toBe(text);
  });
});

describe('renderStarterFiles', () => {
  it('writes an orchestration.yaml that the configuration schema accepts', async () => {
    const config = renderStarterFiles({ ref: 'main', repository: 'acme/rc' }).find(
      (file) => file.path === 'orchestration.yaml',
    );
    const loaded = loadOrchestrationConfig(config?.text ?? '', {
      parseYaml: parse,
      source: 'orchestration.yaml',
    });
    expect(loaded.ok).toBe(true);
  });

  it.each([
    ['gate', 'allowed_roles'],
    ['gate', 'allowed_teams'],
    ['gate', 'required_label'],
    ['dispatch', 'prompts_dir'],
    ['dispatch', 'required_label'],
  ])(
    'writes %s.%s out, under a comment saying what it means, rather than leave it to a default',
    (section, key) => {
      const text =
        renderStarterFiles({ ref: 'main', repository: 'acme/rc' }).find(
          (file) => file.path === 'orchestration.yaml',
        )?.text ?? '';
      const data = parse(text) as Record<string, Record<string, unknown>>;
      expect(Object.keys(data[section] ?? {})).toContain(key);
      const lines = text.split('\n');
      const at = lines.findIndex(
        (line, index) =>
          line === `  ${key}: ${JSON.stringify(data[section]?.[key]).replaceAll('"', '')}` &&
          lines
            .slice(0, index)
            .reverse()
            .find((l) => /^\S/.test(l)) === `${section}:`,
      );
      expect(at, text).toBeGreaterThan(0);
      expect(lines[at - 1]).toMatch(/^ {2}# /);
    },
  );

  it('names no team and no label of its own: the adopter writes theirs', () => {
    const text =
      renderStarterFiles({ ref: 'main', repository: 'acme/rc' }).find(
        (file) => file.path === 'orchestration.yaml',
      )?.text ?? '';
    expect(parse(text)).toMatchObject({
      gate: { allowed_teams: [], required_label: null },
      dispatch: { prompts_dir: 'prompts/orchestrator', required_label: null },
    });
    expect(text).not.toMatch(/releasecopilot|wave/);
  });
});

describe('the workflows rc generates', () => {
  const sha = '0123456789abcdef0123456789abcdef01234567';
  const all = [...renderWorkflows(), ...renderStarterFiles({ ref: sha, repository: 'acme/rc' })];

  it.each(all.filter((file) => file.path.endsWith('.yml')).map((file) => [file.path, file.text]))(
    '%s installs nothing from npm to run rc: it runs the committed bundle of a pinned rc checkout',
    (_path, text) => {
      expect(text).not.toMatch(/npm (install|i|ci)\b[^\n]*@rc\//);
      expect(text).not.toMatch(/npx\s+(--\S+\s+)*rc\b/);
      const code = text.replace(/^\s*#.*$/gm, '');
      if (/\brc (gate|orchestrator|playbook|promote) /.test(code)) {
        expect(text).toContain('sparse-checkout: packages/cli/bundle');
        expect(text).toContain('.rc/packages/cli/bundle" >> "$GITHUB_PATH"');
      }
    },
  );

  it('starts orchestration.yaml with the schema of the same rc commit, for editors', () => {
    const config = renderStarterFiles({ ref: sha, repository: 'acme/rc' }).find(
      (file) => file.kind === 'config',
    );
    expect(config?.text.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://raw.githubusercontent.com/acme/rc/${sha}/packages/orchestrator-core/schema.json`,
    );
  });

  it('pins the callers init writes to the repository and commit given, in uses: and rc-ref', () => {
    const callers = renderStarterFiles({ ref: sha, repository: 'acme/rc' }).filter(
      (file) => file.kind === 'workflow',
    );
    expect(callers).toHaveLength(2);
    for (const caller of callers) {
      expect(caller.text).toMatch(
        new RegExp(`uses: acme/rc/\\.github/workflows/reusable-[a-z]+\\.yml@${sha}`),
      );
      expect(caller.text).toContain(`rc-repository: acme/rc\n      rc-ref: ${sha}`);
      expect(caller.text).toContain('Written by `rc workflows init`');
      expect(caller.text).toContain(
        `rc workflows init --only workflows --force --repository acme/rc --ref ${sha}`,
      );
      expect(caller.text).not.toContain('npm run generate');
    }
  });
});

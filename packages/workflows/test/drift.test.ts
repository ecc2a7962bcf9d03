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
    const custom = renderWorkflows({ rcVersion: '9.9.9', nodeVersion: '22' });
    expect(custom.find((file) => file.path.endsWith('reusable-orchestrator.yml'))?.text).toContain(
      "default: '9.9.9'",
    );
    expect(
      custom.find((file) => file.path.endsWith('ops-manager-promotion-rollout.yml'))?.text,
    ).toContain("node-version: '22'");
  });

  it.each(
    [...renderWorkflows(), ...renderStarterFiles({ ref: 'a'.repeat(40) })].map((file) => [
      file.path,
      file.text,
    ]),
  )('%s is already prettier-formatted, so `prettier --check .` passes', async (path, text) => {
    const options = await resolveConfig(resolve(repoRoot, path));
    expect(await format(text, { ...options, filepath: path })).toBe(text);
  });
});

describe('renderStarterFiles', () => {
  it('writes an orchestration.yaml that the configuration schema accepts', async () => {
    const config = renderStarterFiles({ ref: 'main' }).find(
      (file) => file.path === 'orchestration.yaml',
    );
    const loaded = loadOrchestrationConfig(config?.text ?? '', {
      parseYaml: parse,
      source: 'orchestration.yaml',
    });
    expect(loaded.ok).toBe(true);
  });
});

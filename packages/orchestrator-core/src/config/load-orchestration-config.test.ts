import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadOrchestrationConfig, parseOrchestrationConfig } from './load-orchestration-config';
import { orchestrationConfigJsonSchema } from './orchestration-config-json-schema';

const load = (text: string) => loadOrchestrationConfig(text, { parseYaml });

describe('loadOrchestrationConfig', () => {
  it('fills every default for an empty file', () => {
    const result = load('');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.gate).toMatchObject({
        allowed_roles: ['triage'],
        required_label: null,
        contexts: ['issue'],
      });
      expect(result.value.dispatch).toMatchObject({
        prompts_dir: 'prompts/orchestrator',
        workflow: 'orchestrator-runner',
      });
    }
  });

  it('defaults name no team, no label and no project of its own (no file grants a team access)', () => {
    const result = load('');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { gate, dispatch } = result.value;
    expect(gate.allowed_teams).toEqual([]);
    expect(gate.allowed_users).toEqual([]);
    expect(gate.allowed_bots).toEqual([]);
    expect([gate.required_label, dispatch.required_label]).toEqual([null, null]);
    // No value left over from the project rc grew out of.
    expect(JSON.stringify(result.value)).not.toMatch(/releasecopilot|wave/i);
  });

  it('reads the sections given', () => {
    const result = load(
      'gate:\n  allowed_roles: [maintain]\ndispatch:\n  prompt_map:\n    "276": triage\n',
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        gate: { allowed_roles: ['maintain'] },
        dispatch: { prompt_map: { '276': 'triage' } },
      },
    });
  });

  it('accepts gate.required_label: "" (no label) and null', () => {
    for (const text of ['gate:\n  required_label: ""\n', 'gate:\n  required_label: null\n']) {
      const result = load(text);
      expect(result.ok && result.value.gate.required_label).toBe(text.includes('""') ? '' : null);
    }
  });

  it('accepts the lint: section of rc workflows lint and checks its shape', () => {
    expect(load('lint:\n  allowed_secrets: [NPM_TOKEN]\n  severity: error\n')).toMatchObject({
      ok: true,
      value: { lint: { allowed_secrets: ['NPM_TOKEN'], severity: 'error' } },
    });
    const bad = load('lint:\n  severity: loud\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues).toEqual([expect.stringMatching(/^lint\.severity: /)]);
  });

  it('reports every problem as path: message', () => {
    const result = load(
      'gate:\n  allowed_roles: [owner]\n  allow_edited: "yes"\ndispatchh: {}\ndispatch:\n  prompt_map:\n    abc: x\n',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^gate\.allowed_roles\.0: /),
          expect.stringMatching(/^gate\.allow_edited: /),
          expect.stringMatching(/^\(root\): .*dispatchh/),
          expect.stringMatching(/^dispatch\.prompt_map\.abc: /),
        ]),
      );
    }
  });

  it('reports YAML syntax errors with the file name', () => {
    const result = loadOrchestrationConfig('gate: [\n', { parseYaml, source: 'my.yaml' });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.issues[0]).toMatch(/^my\.yaml: not valid YAML: /);
    const thrown = loadOrchestrationConfig('x', {
      parseYaml: () => {
        throw 'boom';
      },
    });
    expect(thrown).toEqual({ ok: false, issues: ['orchestration.yaml: not valid YAML: boom'] });
  });

  it('rejects a document that is not a mapping', () => {
    expect(parseOrchestrationConfig([1])).toMatchObject({
      ok: false,
      issues: [expect.stringMatching(/^\(root\): /)],
    });
  });
});

describe('schema.json', () => {
  it('matches the zod schema (run `npm run schema -w @rc/orchestrator-core` after changing it)', () => {
    const shipped = readFileSync(
      fileURLToPath(new URL('../../schema.json', import.meta.url)),
      'utf8',
    );
    expect(JSON.parse(shipped)).toEqual(orchestrationConfigJsonSchema());
  });

  it('describes the sections as optional input', () => {
    const schema = orchestrationConfigJsonSchema() as {
      properties: Record<string, unknown>;
      required?: string[];
    };
    expect(Object.keys(schema.properties)).toEqual([
      'version',
      'gate',
      'dispatch',
      'loop',
      'playbook',
      'promotion',
      'lint',
    ]);
    expect(schema.required ?? []).toEqual([]);
  });
});

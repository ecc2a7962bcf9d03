import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const fixturesDir = resolve(fileURLToPath(new URL('./fixtures', import.meta.url)));

/** A workflow from the repository's .github/workflows, parsed with `yaml`. */
export async function loadWorkflow(name: string): Promise<Workflow> {
  return parse(await readFile(resolve(repoRoot, '.github/workflows', name), 'utf8')) as Workflow;
}

export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
export interface Job {
  if?: string;
  uses?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  strategy?: { matrix?: unknown };
  with?: Record<string, unknown>;
  secrets?: Record<string, string>;
  steps?: Step[];
}
export interface Workflow {
  name: string;
  on: Record<string, { types?: string[]; inputs?: Record<string, unknown>; secrets?: unknown }>;
  permissions: unknown;
  env?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

/** The index of the first step whose run script matches. */
export const stepIndex = (steps: Step[], pattern: RegExp) =>
  steps.findIndex((step) => pattern.test(step.run ?? ''));

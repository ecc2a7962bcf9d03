import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { InvalidInputError } from '@rc/orchestrator-core';
import { parse } from 'yaml';
import * as z from 'zod';
import type { Severity } from './_rule';
import { SECURITY_RULES } from './security-rules';

const ruleId = z.string().check(
  z.refine(
    (id) =>
      (SECURITY_RULES as readonly string[]).includes(id) || /^actionlint(\/[\w-]+)?$/.test(id),
    {
      message: `unknown rule (one of ${SECURITY_RULES.join(', ')}, actionlint, actionlint/<kind>)`,
    },
  ),
);

/** `.github/rc-lint.yaml`, or the `lint:` section of orchestration.yaml. */
export const LintConfigSchema = z.strictObject({
  /** Secrets a workflow that runs rc may read besides ORCHESTRATOR_BOT_TOKEN and GITHUB_TOKEN. */
  allowed_secrets: z._default(z.array(z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/))), []),
  /** Rules not run: rc rule ids, `actionlint`, or `actionlint/<kind>`. */
  disable: z._default(z.array(ruleId), []),
  /** The least severity reported (and failing). */
  severity: z._default(z.enum(['error', 'warning', 'note']), 'warning'),
});

/** A validated lint configuration. */
export interface LintConfig {
  readonly allowed_secrets: readonly string[];
  readonly disable: readonly string[];
  readonly severity: Severity;
  /** Where it was read from, relative to cwd; null for the defaults. */
  readonly source: string | null;
}

/** The configuration files looked for, in order, relative to the repository root. */
export const LINT_CONFIG_FILES = [
  '.github/rc-lint.yaml',
  '.github/rc-lint.yml',
  'orchestration.yaml',
];

/**
 * Loads the lint configuration: `file` when given, else the first of LINT_CONFIG_FILES under
 * `cwd` that exists (orchestration.yaml only when it has a `lint:` section), else the defaults.
 * A file that does not parse or validate is an InvalidInputError naming `file: path: message`.
 */
export async function loadLintConfig(cwd: string, file?: string): Promise<LintConfig> {
  const candidates =
    file === undefined ? LINT_CONFIG_FILES.map((name) => join(cwd, name)) : [resolve(cwd, file)];
  for (const path of candidates) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (file !== undefined)
        throw new InvalidInputError(`cannot read lint config ${file}`, { cause: error });
      continue;
    }
    const shown = relative(cwd, path) || path;
    let data: unknown;
    try {
      data = parse(text);
    } catch (error) {
      throw new InvalidInputError(`${shown}: ${(error as Error).message.split('\n')[0] ?? ''}`, {
        cause: error,
      });
    }
    const orchestration = /orchestration\.ya?ml$/.test(path) && file === undefined;
    if (orchestration) {
      const section = (data as Record<string, unknown> | null)?.lint;
      if (section === undefined) continue;
      data = section;
    }
    const result = LintConfigSchema.safeParse(data ?? {});
    if (!result.success) {
      const issues = result.error.issues.map(
        (issue) =>
          `${[orchestration ? 'lint' : '', ...issue.path.map(String)].filter(Boolean).join('.') || '(root)'}: ${issue.message}`,
      );
      throw new InvalidInputError(`${shown}: ${issues.join('; ')}`);
    }
    return { ...result.data, source: shown };
  }
  return { allowed_secrets: [], disable: [], severity: 'warning', source: null };
}

import type { DispatchPlan } from '@rc/orchestrator-core';
import { planFailure } from './_plan-failure';
import type { PlanResult } from './plan-error';

/** The helper prompt chosen for an issue, as the plan records it. */
export type ResolvedPrompt = DispatchPlan['prompt'];

/** Input of {@link resolvePromptFile}. */
export interface ResolvePromptFileInput {
  /** The target issue. */
  issue: number;
  /** `prompt=NAME` from the command (`NAME` or `NAME.md`), or null. */
  explicit: string | null;
  /** Issue number (as text) to prompt name, from `dispatch.prompt_map`. */
  promptMap: Readonly<Record<string, string>>;
  /** The prompts directory as configured; only used to build paths. */
  promptsDir: string;
  /** File names in the prompts directory; anything not ending in `.md` is ignored. */
  files: readonly string[];
}

// Long listings are cut in messages; the full list stays in `found`.
const SHOWN_FILES = 20;

/**
 * Picks the helper prompt file, in order: an explicit `prompt=NAME` (`NAME.md`), then the
 * configured mapping for the issue, then a file named after the issue (`276.md` or `276-*.md`).
 * Explicit and mapped names must exist; no file or more than one file for the issue is an error
 * listing what was looked for and what was found. Pure: works on the listing passed in.
 */
export function resolvePromptFile(input: ResolvePromptFileInput): PlanResult<ResolvedPrompt> {
  const dir = normaliseDir(input.promptsDir);
  const files = [...new Set(input.files.filter((name) => isPromptFileName(name)))].sort();
  const pathOf = (file: string): string => (dir === '' ? file : `${dir}/${file}`);
  const named = (name: string, source: 'argument' | 'mapping', what: string) => {
    const file = name.endsWith('.md') ? name : `${name}.md`;
    if (files.includes(file)) {
      return ok({ name: file.slice(0, -3), path: pathOf(file), source });
    }
    return planFailure<ResolvedPrompt>(
      'prompt_not_found',
      `${what}: looked for ${pathOf(file)}; found ${describe(files, dir)}`,
      [pathOf(file)],
      files,
    );
  };
  if (input.explicit !== null) return named(input.explicit, 'argument', `prompt=${input.explicit}`);
  const mapped = input.promptMap[String(input.issue)];
  if (mapped !== undefined) {
    return named(mapped, 'mapping', `prompt_map maps #${input.issue} to "${mapped}"`);
  }
  const exact = `${input.issue}.md`;
  const prefix = `${input.issue}-`;
  const candidates = files.filter(
    (file) => file === exact || (file.startsWith(prefix) && file.length > prefix.length + 3),
  );
  const lookedFor = [pathOf(exact), pathOf(`${prefix}*.md`)];
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) {
    return ok({ name: only.slice(0, -3), path: pathOf(only), source: 'issue-number' });
  }
  if (candidates.length === 0) {
    return planFailure(
      'prompt_not_found',
      `no helper prompt for #${input.issue}: no prompt=NAME, no prompt_map entry, and no file ` +
        `matching ${lookedFor.join(' or ')}; found ${describe(files, dir)}`,
      lookedFor,
      files,
    );
  }
  return planFailure(
    'prompt_ambiguous',
    `more than one helper prompt for #${input.issue} matches ${lookedFor.join(' or ')}: ` +
      `${candidates.join(', ')}; pick one with prompt=NAME or a prompt_map entry`,
    lookedFor,
    candidates,
  );
}

function ok(value: ResolvedPrompt): PlanResult<ResolvedPrompt> {
  return { ok: true, value };
}

function isPromptFileName(name: string): boolean {
  return name.endsWith('.md') && name.length > 3 && !/[/\\]/.test(name);
}

function normaliseDir(dir: string): string {
  return dir.replace(/\\/g, '/').replace(/\/+$/, '');
}

function describe(files: readonly string[], dir: string): string {
  const where = dir === '' ? 'the prompts directory' : dir;
  if (files.length === 0) return `no .md files in ${where}`;
  const shown = files.slice(0, SHOWN_FILES).join(', ');
  const more = files.length > SHOWN_FILES ? ` and ${files.length - SHOWN_FILES} more` : '';
  return `${files.length} .md file(s) in ${where}: ${shown}${more}`;
}

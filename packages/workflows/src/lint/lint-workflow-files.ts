import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { InvalidInputError } from '@rc/orchestrator-core';
import type { LintFinding } from './lint-finding';
import { lintWorkflow, type LintWorkflowOptions } from './lint-workflow';

/** Options for `lintWorkflowFiles`. */
export interface LintWorkflowFilesOptions extends LintWorkflowOptions {
  /** Paths are resolved against, and findings named relative to, this directory. */
  cwd: string;
}

/** What `lintWorkflowFiles` looked at and found. */
export interface LintReport {
  /** The files linted, relative to `cwd`, in order. */
  files: string[];
  findings: LintFinding[];
}

const YAML = /\.ya?ml$/;
const ACTION = /^action\.ya?ml$/;
const SKIP = new Set(['node_modules', '.git']);
const DEFAULT_PATHS = ['.github', 'action.yml', 'action.yaml'];

/**
 * Lints workflow files. Each path is a file or a directory; no paths means `.github` and a root
 * `action.yml`. A directory
 * that holds `.github/workflows` or `action.yml` files anywhere below it (a repository, `.github`)
 * is searched for those: every YAML file under a `.github/workflows` folder, recursively, and
 * every `action.yml` (composite actions). Any other directory gives all its YAML files,
 * recursively. A path that does not exist, or no file found at all, is an InvalidInputError.
 */
export async function lintWorkflowFiles(
  paths: readonly string[],
  options: LintWorkflowFilesOptions,
): Promise<LintReport> {
  const files: string[] = [];
  const given = paths.length > 0 ? paths : await defaults(options.cwd);
  for (const path of given) files.push(...(await expand(resolve(options.cwd, path), path)));
  const unique = [...new Set(files)];
  if (unique.length === 0)
    throw new InvalidInputError(
      `no workflow files found in ${given.length === 0 ? '.github' : given.join(', ')} (looked for .github/workflows/**/*.yml and action.yml)`,
    );
  const shown = unique.map((file) => relative(options.cwd, file) || file);
  const texts = await Promise.all(unique.map((file) => readFile(file, 'utf8')));
  const findings: LintFinding[] = [];
  for (const [index, text] of texts.entries())
    findings.push(...(await lintWorkflow(text, shown[index] ?? '', options)));
  return { files: shown, findings };
}

/** No paths: the repository's `.github` folder and a root `action.yml`, those that exist. */
async function defaults(cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of DEFAULT_PATHS)
    if (
      await stat(join(cwd, name)).then(
        () => true,
        () => false,
      )
    )
      found.push(name);
  return found;
}

async function expand(absolute: string, given: string): Promise<string[]> {
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    throw new InvalidInputError(`cannot lint ${given}: no such file or directory`, {
      cause: error,
    });
  }
  if (!info.isDirectory()) return [absolute];
  const all = await walk(absolute);
  const inWorkflows = (file: string) => file.includes(`${sep}.github${sep}workflows${sep}`);
  const github = all.filter((file) => inWorkflows(file) || ACTION.test(basename(file)));
  return (github.length > 0 ? github : all).sort();
}

/** Every YAML file below a directory, skipping node_modules and .git; directories named x.yml are folders. */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) found.push(...(await walk(path)));
    } else if (entry.isFile() && YAML.test(entry.name)) found.push(path);
  }
  return found;
}

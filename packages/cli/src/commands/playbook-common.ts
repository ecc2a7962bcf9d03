import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { InvalidInputError, type PlaybookConfig } from '@rc/orchestrator-core';
import { parseMasterPlan, type MasterPlan } from '@rc/playbook';
import type { CliIo } from '../cli-io';
import { loadConfig } from '../load-config';

/** Reads and parses a master plan (Markdown or YAML); problems are an InvalidInputError by line. */
export async function loadPlaybookPlan(file: string, io: CliIo): Promise<MasterPlan> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new InvalidInputError(`cannot read master plan ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = parseMasterPlan(text, { source: file });
  if (!parsed.ok)
    throw new InvalidInputError(`invalid master plan ${file}:`, { issues: parsed.issues });
  return parsed.value;
}

/** The `playbook` section of orchestration.yaml with `--concurrency` applied. */
export async function loadPlaybookConfig(
  options: { config?: string; concurrency?: string },
  io: CliIo,
): Promise<PlaybookConfig> {
  const loaded = await loadConfig(options.config, io);
  // The playbook runs in the working directory; its state_dir is relative to the config file.
  const stateDir = relative(io.cwd, resolve(loaded.root, loaded.config.playbook.state_dir)) || '.';
  const config = { ...loaded.config.playbook, state_dir: stateDir };
  if (options.concurrency === undefined) return config;
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new InvalidInputError(
      `--concurrency: expected a whole number from 1 to 64, got "${options.concurrency}"`,
    );
  return { ...config, concurrency };
}

import { fail, type Result } from '../result';
import { validate } from '../validation/validate';
import { OrchestrationConfigSchema, type OrchestrationConfig } from './orchestration-config';

/** Options of {@link loadOrchestrationConfig}. */
export interface LoadOrchestrationConfigOptions {
  /** Turns YAML text into data (for example `parse` from the `yaml` package). */
  parseYaml: (text: string) => unknown;
  /** Name used in messages. @default 'orchestration.yaml' */
  source?: string;
}

/**
 * Reads `orchestration.yaml` text into a validated config with defaults filled in. Every problem
 * comes back as `path: message`; an empty file is the all-defaults config. Never throws.
 */
export function loadOrchestrationConfig(
  text: string,
  options: LoadOrchestrationConfigOptions,
): Result<OrchestrationConfig> {
  const source = options.source ?? 'orchestration.yaml';
  let data: unknown;
  try {
    data = options.parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(`${source}: not valid YAML: ${reason}`);
  }
  return parseOrchestrationConfig(data ?? {});
}

/** Validates already-parsed configuration data. Never throws. */
export function parseOrchestrationConfig(data: unknown): Result<OrchestrationConfig> {
  return validate(OrchestrationConfigSchema, data);
}

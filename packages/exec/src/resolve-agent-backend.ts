import { InvalidInputError } from '@rc/orchestrator-core';
import {
  presetBackend,
  type AgentBackend,
  type AgentPermission,
  type AgentPreset,
} from './agent-backend';
import { splitCommandTemplate } from './split-command-template';

/** The placeholder a custom template uses for the prompt file's path. */
export const PROMPT_FILE_PLACEHOLDER = '{prompt_file}';

/** An agent as configured: a preset, and for `custom` a command template. */
export interface AgentSpec {
  /** Which backend. @default 'codex' */
  preset?: AgentPreset;
  /**
   * For `custom`: the command template, e.g. `my-agent --prompt {prompt_file}` (without the
   * placeholder the prompt goes to stdin). For a preset: replaces the executable, e.g. a full path.
   * @default null
   */
  command?: string | null;
  /**
   * What the agent may do: `read-only`, `edit` (files in the working tree) or `full`. Presets turn
   * it into their CLI's flags; a custom template gets it in `RC_AGENT_PERMISSIONS`.
   * @default 'edit'
   */
  permissions?: AgentPermission;
}

/**
 * Turns a configured agent into backend data. Throws InvalidInputError (exit 2) when a custom
 * agent has no usable template; `where` names the config path in the message.
 */
export function resolveAgentBackend(spec: AgentSpec, where = 'agent'): AgentBackend {
  const preset = spec.preset ?? 'codex';
  const command = spec.command ?? null;
  const permissions = spec.permissions ?? 'edit';
  if (preset !== 'custom') {
    const backend = presetBackend(preset, permissions);
    return command === null ? backend : { ...backend, command };
  }
  if (command === null) {
    throw new InvalidInputError(`${where}.command: required when preset is custom`);
  }
  const words = splitCommandTemplate(command);
  if (words === null) throw new InvalidInputError(`${where}.command: unterminated quote`);
  const [file, ...args] = words;
  if (file === undefined) throw new InvalidInputError(`${where}.command: empty command`);
  const byFile = args.some((arg) => arg.includes(PROMPT_FILE_PLACEHOLDER));
  return {
    preset,
    command: file,
    args,
    prompt: byFile ? 'file' : 'stdin',
    output: 'text',
    permissions,
  };
}

/** The concrete invocation of a backend for one prompt file. */
export interface AgentInvocation {
  file: string;
  args: string[];
  /** The file to pipe to stdin, or null when the prompt travels as an argument. */
  stdinFile: string | null;
}

/** Fills `{prompt_file}` in and decides what goes to stdin. Pure. */
export function buildAgentInvocation(backend: AgentBackend, promptFile: string): AgentInvocation {
  return {
    file: backend.command,
    args: backend.args.map((arg) => arg.split(PROMPT_FILE_PLACEHOLDER).join(promptFile)),
    stdinFile: backend.prompt === 'stdin' ? promptFile : null,
  };
}

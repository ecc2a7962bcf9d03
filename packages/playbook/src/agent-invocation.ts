import type { AgentPermission, AgentPreset } from '@rc/orchestrator-core';
import {
  buildAgentInvocation,
  resolveAgentBackend,
  type AgentBackend,
  type AgentInvocation,
} from '@rc/exec';

export type { AgentInvocation } from '@rc/exec';

/** The built-in presets; anything else given as `--agent` is a custom command template. */
export const AGENT_PRESET_NAMES = ['codex', 'claude', 'gemini'] as const;

/**
 * The command that hands an execution card to an agent CLI, through `@rc/exec`'s backends:
 * presets read the card on stdin (`codex exec -`, `claude -p`, `gemini`, run in the task's
 * worktree); a custom template is split into words (never run by a shell) and gets the card on
 * stdin, or as a path where it says `{prompt_file}`. Throws InvalidInputError (exit 2) for a
 * custom preset without a usable command.
 */
export function agentInvocation(agent: PlaybookAgent, cardFile: string): AgentInvocation {
  return buildAgentInvocation(agentBackend(agent), cardFile);
}

/** The playbook's agent settings (`playbook.agent`), as far as the backend needs them. */
export interface PlaybookAgent {
  preset: AgentPreset;
  command: string | null;
  /** What the preset's arguments allow. @default 'edit' */
  permissions?: AgentPermission;
}

/**
 * The backend that runs `playbook.agent`, with its permissions. Throws InvalidInputError (exit
 * 2) for a custom preset without a usable command.
 */
export function agentBackend(agent: PlaybookAgent): AgentBackend {
  // The playbook's `command` only means something for `custom`; presets keep their executable.
  const command = agent.preset === 'custom' ? agent.command : null;
  return resolveAgentBackend(
    { preset: agent.preset, command, permissions: agent.permissions ?? 'edit' },
    'playbook.agent',
  );
}

/** Reads `--agent`: a preset name, or else a custom command template. */
export function parseAgentOption(value: string): { preset: AgentPreset; command: string | null } {
  return (AGENT_PRESET_NAMES as readonly string[]).includes(value)
    ? { preset: value as AgentPreset, command: null }
    : { preset: 'custom', command: value };
}

const TITLES: Readonly<Record<string, string>> = {
  codex: 'Codex',
  claude: 'Claude',
  gemini: 'Gemini',
};

/** The name an execution card is titled with: the preset, or a custom command's executable. */
export function agentTitle(agent: { preset: AgentPreset; command: string | null }): string {
  if (agent.preset !== 'custom') return TITLES[agent.preset] ?? agent.preset;
  const file = agent.command?.trim().split(/\s+/)[0] ?? '';
  return file.split('/').pop() || 'Agent';
}

/** How an agent CLI receives its prompt: piped on standard input, or as a file path argument. */
export type PromptDelivery = 'stdin' | 'file';

/** The agent CLIs rc knows by name, plus `custom` for any command template. */
export const AGENT_PRESETS = ['codex', 'claude', 'gemini', 'custom'] as const;
export type AgentPreset = (typeof AGENT_PRESETS)[number];

/**
 * What an agent may do to the machine: `read-only` reads the working tree and changes nothing,
 * `edit` may change files in the working tree (no shell commands, no network where the CLI can
 * tell them apart), `full` may do anything the user running rc may do.
 */
export const AGENT_PERMISSIONS = ['read-only', 'edit', 'full'] as const;
export type AgentPermission = (typeof AGENT_PERMISSIONS)[number];

/**
 * How rc reads an agent's stdout: `text` (the last non-empty line is the answer) or one of the
 * JSON-lines formats the preset CLIs print, which carry progress, the final message and usage.
 */
export const AGENT_OUTPUT_FORMATS = [
  'text',
  'claude-stream-json',
  'codex-json',
  'gemini-stream-json',
] as const;
export type AgentOutputFormat = (typeof AGENT_OUTPUT_FORMATS)[number];

/** An agent backend as plain data: what to run and how the prompt gets there. */
export interface AgentBackend {
  /** Which CLI this is, for reading its output and its failures; `custom` for a template. */
  readonly preset: AgentPreset;
  /** Executable, looked up on PATH. */
  readonly command: string;
  /** Arguments; `{prompt_file}` is replaced by the prompt file's path. */
  readonly args: readonly string[];
  /** `stdin` pipes the prompt file's content; `file` relies on `{prompt_file}` in `args`. */
  readonly prompt: PromptDelivery;
  /** How stdout is read. */
  readonly output: AgentOutputFormat;
  /** What the arguments allow the agent to do (a custom template decides that itself). */
  readonly permissions: AgentPermission;
}

type PresetName = Exclude<AgentPreset, 'custom'>;

// Checked against each CLI's --help (codex-cli 0.171, Claude Code 2.1.197, gemini-cli 0.61).
const PERMISSION_ARGS: Readonly<Record<PresetName, Record<AgentPermission, readonly string[]>>> = {
  // approval_policy=never: nothing ever waits for a human; the sandbox is what limits codex.
  // workspace-write lets it write the working tree (and /tmp) with the network off.
  codex: {
    'read-only': ['-s', 'read-only'],
    edit: ['-s', 'workspace-write'],
    full: ['-s', 'danger-full-access'],
  },
  // dontAsk denies every tool that would need a permission prompt (edits, shell); acceptEdits
  // allows file edits in the working directory and still denies shell commands.
  claude: {
    'read-only': ['--permission-mode', 'dontAsk'],
    edit: ['--permission-mode', 'acceptEdits'],
    full: ['--permission-mode', 'bypassPermissions'],
  },
  // Headless gemini drops tools that need approval; auto_edit approves edit tools only. Without
  // --skip-trust an untrusted folder exits 55 (or silently falls back to the default mode).
  gemini: {
    'read-only': ['--approval-mode', 'default'],
    edit: ['--approval-mode', 'auto_edit'],
    full: ['--approval-mode', 'yolo'],
  },
};

/** The preset invocation for one permission level; every preset reads the prompt on stdin. */
export function presetBackend(preset: PresetName, permissions: AgentPermission): AgentBackend {
  const allow = PERMISSION_ARGS[preset][permissions];
  switch (preset) {
    case 'codex':
      return {
        preset,
        command: 'codex',
        args: [
          'exec',
          '--json',
          '--color',
          'never',
          '--skip-git-repo-check',
          '-c',
          'approval_policy="never"',
          ...allow,
          '-',
        ],
        prompt: 'stdin',
        output: 'codex-json',
        permissions,
      };
    case 'claude':
      return {
        preset,
        command: 'claude',
        args: ['-p', '--output-format', 'stream-json', '--verbose', ...allow],
        prompt: 'stdin',
        output: 'claude-stream-json',
        permissions,
      };
    case 'gemini':
      return {
        preset,
        command: 'gemini',
        args: ['--output-format', 'stream-json', '--skip-trust', ...allow],
        prompt: 'stdin',
        output: 'gemini-stream-json',
        permissions,
      };
  }
}

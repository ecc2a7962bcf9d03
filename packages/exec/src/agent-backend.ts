/** How an agent CLI receives its prompt: piped on standard input, or as a file path argument. */
export type PromptDelivery = 'stdin' | 'file';

/** The agent CLIs rc knows by name, plus `custom` for any command template. */
export const AGENT_PRESETS = ['codex', 'claude', 'gemini', 'custom'] as const;
export type AgentPreset = (typeof AGENT_PRESETS)[number];

/** An agent backend as plain data: what to run and how the prompt gets there. */
export interface AgentBackend {
  /** Executable, looked up on PATH. */
  readonly command: string;
  /** Arguments; `{prompt_file}` is replaced by the prompt file's path. */
  readonly args: readonly string[];
  /** `stdin` pipes the prompt file's content; `file` relies on `{prompt_file}` in `args`. */
  readonly prompt: PromptDelivery;
}

/**
 * The presets. All three read the prompt from stdin, so prompts of any size avoid the
 * argument-length limit and never appear in `ps`: `codex exec -` reads the prompt from stdin,
 * `claude -p` prints the answer of a piped prompt, and `gemini` runs non-interactively on piped input.
 */
export const AGENT_BACKENDS: Readonly<Record<Exclude<AgentPreset, 'custom'>, AgentBackend>> =
  Object.freeze({
    codex: Object.freeze({ command: 'codex', args: Object.freeze(['exec', '-']), prompt: 'stdin' }),
    claude: Object.freeze({ command: 'claude', args: Object.freeze(['-p']), prompt: 'stdin' }),
    gemini: Object.freeze({ command: 'gemini', args: Object.freeze([]), prompt: 'stdin' }),
  });

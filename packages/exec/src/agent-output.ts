import type { AgentOutputFormat } from './agent-backend';
import { ClaudeStreamReader, CodexJsonReader, GeminiStreamReader } from './_json-output-readers';

/** Tokens and money one agent run spent, as the CLI reported them. */
export interface AgentUsage {
  /** Prompt tokens, cached ones included. */
  input_tokens: number;
  output_tokens: number;
  /** What the CLI says the run cost in US dollars, or null when it does not say (codex, gemini). */
  cost_usd: number | null;
}

/** What an agent's stdout said about its run. */
export interface AgentReport {
  /** The agent's own last message: the answer, where the completion marker counts. */
  finalMessage: string | null;
  usage: AgentUsage | null;
  /** The error the CLI reported as the run's result (it may still exit 0), or null. */
  error: string | null;
  /** The last errors and retry notices the CLI printed on the way, for classifying a failure. */
  notices: string[];
  /**
   * Set when the CLI is retrying something no retry can fix (a rejected API key): the run should
   * be stopped now rather than after the CLI's own backoff. Null otherwise.
   */
  hopeless: string | null;
}

/** Reads an agent's stdout line by line, in constant memory. */
export interface AgentOutputReader {
  /** Takes one stdout line; true when it shows the agent making progress (restarts the idle clock). */
  line(text: string): boolean;
  report(): AgentReport;
}

/** The reader for a backend's output format. */
export function createAgentOutputReader(format: AgentOutputFormat): AgentOutputReader {
  switch (format) {
    case 'claude-stream-json':
      return new ClaudeStreamReader();
    case 'codex-json':
      return new CodexJsonReader();
    case 'gemini-stream-json':
      return new GeminiStreamReader();
    case 'text':
      return new TextReader();
  }
}

// Longest line kept as the final message of a text agent.
const MAX_LINE = 16_384;

/** Plain text: every line is progress; the last non-empty stdout line is the final message. */
class TextReader implements AgentOutputReader {
  private last: string | null = null;

  line(text: string): boolean {
    if (text.trim() !== '') this.last = text.slice(0, MAX_LINE);
    return true;
  }

  report(): AgentReport {
    return { finalMessage: this.last, usage: null, error: null, notices: [], hopeless: null };
  }
}

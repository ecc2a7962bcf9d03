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

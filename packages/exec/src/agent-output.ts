import type { AgentOutputFormat } from './agent-backend';
import { ClaudeStreamReader, CodexJsonReader, GeminiStreamReader } from './_json-output-readers';
import type { AgentOutputReader, AgentReport } from './agent-report';

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

import type { AgentOutputReader, AgentReport, AgentUsage } from './agent-report';

type Json = Record<string, unknown>;

const MAX_NOTICES = 5;
const MAX_MESSAGE = 65_536;

function parse(text: string): Json | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Json)
      : null;
  } catch {
    return null;
  }
}

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const obj = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};

/** Shared bookkeeping: notices kept short, the final message bounded. */
abstract class JsonReader implements AgentOutputReader {
  protected final: string | null = null;
  protected usage: AgentUsage | null = null;
  protected error: string | null = null;
  protected hopeless: string | null = null;
  private readonly notices: string[] = [];

  line(text: string): boolean {
    const event = parse(text);
    return event === null ? false : this.event(event);
  }

  report(): AgentReport {
    return {
      finalMessage: this.final === null ? null : this.final.slice(-MAX_MESSAGE),
      usage: this.usage,
      error: this.error,
      notices: [...this.notices],
      hopeless: this.hopeless,
    };
  }

  protected notice(message: string | null): void {
    if (message === null || message === '') return;
    this.notices.push(message.slice(0, 2000));
    if (this.notices.length > MAX_NOTICES) this.notices.shift();
  }

  protected abstract event(event: Json): boolean;
}

/**
 * `claude -p --output-format stream-json --verbose`: one JSON object per step (`system`,
 * `assistant`, `user`), then a `result` with the answer, `total_cost_usd` and `usage`;
 * `system`/`api_retry` events while the API cannot be reached are not progress.
 */
export class ClaudeStreamReader extends JsonReader {
  protected event(event: Json): boolean {
    // A retry of a failed API request (connection refused, 429, 5xx) is waiting, not progress.
    if (event.type === 'system' && event.subtype === 'api_retry') {
      const status = typeof event.error_status === 'number' ? event.error_status : null;
      const why = status === null ? 'connection failed' : `status ${status}`;
      const notice = `API retry ${num(event.attempt)}/${num(event.max_retries)}: ${why} (${str(event.error) ?? 'unknown'})`;
      this.notice(notice);
      // Claude Code retries a rejected key ten times with backoff (minutes); the key stays wrong.
      if (status === 401 || status === 403 || event.error === 'authentication_failed') {
        this.hopeless = notice;
      }
      return false;
    }
    if (event.type === 'assistant') {
      const content = obj(event.message).content;
      const texts = Array.isArray(content)
        ? content.map((part) => (obj(part).type === 'text' ? str(obj(part).text) : null))
        : [];
      const text = texts.filter((part) => part !== null).join('');
      if (text !== '') this.final = text;
      if (str(event.error) !== null) this.notice(`${str(event.error)}: ${text}`);
    }
    if (event.type === 'result') {
      const usage = obj(event.usage);
      this.usage = {
        input_tokens:
          num(usage.input_tokens) +
          num(usage.cache_creation_input_tokens) +
          num(usage.cache_read_input_tokens),
        output_tokens: num(usage.output_tokens),
        cost_usd: typeof event.total_cost_usd === 'number' ? event.total_cost_usd : null,
      };
      const result = str(event.result);
      if (event.is_error === true || (str(event.subtype) ?? 'success') !== 'success') {
        this.error = result ?? str(event.subtype) ?? 'error';
      } else if (result !== null) this.final = result;
    }
    return true;
  }
}

/**
 * `codex exec --json`: `thread.started`, `turn.started`, `item.*` (agent_message, reasoning,
 * command_execution, file_change), `turn.completed` with `usage` or `turn.failed`; `error`
 * events are retry notices ("Reconnecting... 2/5"), which are not progress.
 */
export class CodexJsonReader extends JsonReader {
  protected event(event: Json): boolean {
    switch (event.type) {
      case 'error':
        this.notice(str(event.message));
        return false;
      case 'item.completed': {
        const item = obj(event.item);
        if (item.type === 'agent_message' && str(item.text) !== null) this.final = str(item.text);
        if (item.type === 'error') this.notice(str(item.message));
        return true;
      }
      case 'turn.completed': {
        const usage = obj(event.usage);
        const before = this.usage ?? { input_tokens: 0, output_tokens: 0, cost_usd: null };
        this.usage = {
          input_tokens: before.input_tokens + num(usage.input_tokens),
          output_tokens: before.output_tokens + num(usage.output_tokens),
          cost_usd: null,
        };
        return true;
      }
      case 'turn.failed': {
        const message = str(obj(event.error).message) ?? 'turn failed';
        this.error = message;
        this.notice(message);
        return true;
      }
      default:
        return true;
    }
  }
}

/**
 * `gemini --output-format stream-json`: `init`, `message` (assistant text in `delta` chunks),
 * `tool_use`, `tool_result`, `error`, then `result` with `status` and `stats`.
 */
export class GeminiStreamReader extends JsonReader {
  private current = '';

  protected event(event: Json): boolean {
    switch (event.type) {
      case 'message':
        if (event.role === 'assistant') {
          const content = str(event.content) ?? '';
          this.current = event.delta === true ? this.current + content : content;
          this.final = this.current;
        }
        return true;
      case 'tool_use':
        // Text before a tool call is narration; the answer is what follows the last call.
        this.current = '';
        return true;
      case 'error':
        this.notice(str(event.message));
        return false;
      case 'result': {
        const stats = obj(event.stats);
        this.usage = {
          input_tokens: num(stats.input_tokens),
          output_tokens: num(stats.output_tokens),
          cost_usd: null,
        };
        if (event.status === 'error') {
          this.error = str(obj(event.error).message) ?? 'error';
          this.notice(this.error);
        }
        return true;
      }
      default:
        return true;
    }
  }
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAgentOutputReader } from './agent-output';

const feed = (format: Parameters<typeof createAgentOutputReader>[0], lines: unknown[]) => {
  const reader = createAgentOutputReader(format);
  const progress = lines.map((line) =>
    reader.line(typeof line === 'string' ? line : JSON.stringify(line)),
  );
  return { progress, report: reader.report() };
};

describe('createAgentOutputReader', () => {
  it('reads claude stream-json: answer, cost and all input tokens from the result', () => {
    const { progress, report } = feed('claude-stream-json', [
      { type: 'system', subtype: 'init', session_id: 's' },
      { type: 'assistant', message: { content: [{ type: 'text', text: 'Writing it.' }] } },
      { type: 'user', message: { content: [{ type: 'tool_result', content: 'ok' }] } },
      {
        type: 'result',
        subtype: 'success',
        is_error: false,
        result: 'Wrote hello.txt\nRC_DONE',
        total_cost_usd: 0.0125,
        usage: {
          input_tokens: 100,
          cache_creation_input_tokens: 20,
          cache_read_input_tokens: 5,
          output_tokens: 40,
        },
      },
    ]);
    expect(progress).toEqual([true, true, true, true]);
    expect(report).toEqual({
      finalMessage: 'Wrote hello.txt\nRC_DONE',
      usage: { input_tokens: 125, output_tokens: 40, cost_usd: 0.0125 },
      error: null,
      notices: [],
      hopeless: null,
    });
  });

  it('does not count claude API retries as progress (real Claude Code 2.1.197 output, no server)', () => {
    const { progress, report } = feed('claude-stream-json', [
      '{"type":"system","subtype":"init","cwd":"/tmp/h15-cn-DSl3","session_id":"4003921f-d615-4aef-8181-d346313f84ab"}',
      '{"type":"system","subtype":"api_retry","attempt":1,"max_retries":10,"retry_delay_ms":593.5711470390765,"error_status":null,"error":"unknown","session_id":"4003921f-d615-4aef-8181-d346313f84ab","uuid":"cc31ffbd-9585-42a6-baad-4bde002261c0"}',
      '{"type":"system","subtype":"api_retry","attempt":2,"max_retries":10,"retry_delay_ms":1092.2417305718639,"error_status":429,"error":"rate_limit","session_id":"4003921f-d615-4aef-8181-d346313f84ab","uuid":"5c881443-218e-4726-80f4-024ac9504215"}',
    ]);
    expect(progress).toEqual([true, false, false]);
    expect(report.hopeless).toBeNull();
    expect(report.notices).toEqual([
      'API retry 1/10: connection failed (unknown)',
      'API retry 2/10: status 429 (rate_limit)',
    ]);
  });

  it('gives up on claude retrying a rejected key', () => {
    const { report } = feed('claude-stream-json', [
      '{"type":"system","subtype":"api_retry","attempt":1,"max_retries":10,"retry_delay_ms":582.9,"error_status":401,"error":"authentication_failed"}',
    ]);
    expect(report.hopeless).toBe('API retry 1/10: status 401 (authentication_failed)');
  });

  it('reports a claude result that is an error, even with exit 0', () => {
    const { report } = feed('claude-stream-json', [
      {
        type: 'assistant',
        message: { content: [{ type: 'text', text: 'Not logged in' }] },
        error: 'authentication_failed',
      },
      {
        type: 'result',
        subtype: 'success',
        is_error: true,
        result: 'Not logged in · Please run /login',
      },
    ]);
    expect(report.error).toBe('Not logged in · Please run /login');
    expect(report.finalMessage).toBe('Not logged in');
    expect(report.notices).toEqual(['authentication_failed: Not logged in']);
  });

  it('reads codex --json: last agent message and the usage of every turn', () => {
    const { progress, report } = feed('codex-json', [
      { type: 'thread.started', thread_id: 't' },
      { type: 'item.completed', item: { id: 'i0', type: 'agent_message', text: 'first' } },
      { type: 'item.completed', item: { id: 'i1', type: 'file_change', changes: [] } },
      { type: 'item.completed', item: { id: 'i2', type: 'agent_message', text: 'done\nRC_DONE' } },
      {
        type: 'turn.completed',
        usage: { input_tokens: 10, cached_input_tokens: 4, output_tokens: 3 },
      },
      { type: 'turn.completed', usage: { input_tokens: 1, output_tokens: 2 } },
      'not json',
    ]);
    expect(progress).toEqual([true, true, true, true, true, true, false]);
    expect(report.finalMessage).toBe('done\nRC_DONE');
    expect(report.usage).toEqual({ input_tokens: 11, output_tokens: 5, cost_usd: null });
  });

  it('does not count codex reconnect notices as progress (real codex 0.171 output, no network)', () => {
    const lines = readFileSync(
      new URL('../test/fixtures/codex-0.171-no-network.jsonl', import.meta.url),
      'utf8',
    )
      .trim()
      .split('\n');
    const { progress, report } = feed('codex-json', lines);
    expect(progress.filter(Boolean)).toHaveLength(3);
    expect(report.notices.at(-1)).toMatch(/^Reconnecting\.\.\. waiting for network/);
    expect(report.notices).toHaveLength(5);
  });

  it('reports codex turn.failed as the error', () => {
    const { report } = feed('codex-json', [
      { type: 'turn.failed', error: { message: 'unexpected status 401 Unauthorized' } },
    ]);
    expect(report.error).toBe('unexpected status 401 Unauthorized');
  });

  it('reads gemini stream-json: the text after the last tool call, and its stats', () => {
    const { progress, report } = feed('gemini-stream-json', [
      { type: 'init', session_id: 's', model: 'gemini-2.5-pro' },
      { type: 'message', role: 'user', content: 'do it RC_DONE' },
      { type: 'message', role: 'assistant', content: 'Let me ', delta: true },
      { type: 'message', role: 'assistant', content: 'write.', delta: true },
      { type: 'tool_use', tool_name: 'write_file', tool_id: 'x', parameters: {} },
      { type: 'tool_result', tool_id: 'x', status: 'success' },
      { type: 'message', role: 'assistant', content: 'Done.\n', delta: true },
      { type: 'message', role: 'assistant', content: 'RC_DONE', delta: true },
      { type: 'error', severity: 'warning', message: 'Loop detected' },
      {
        type: 'result',
        status: 'success',
        stats: { total_tokens: 30, input_tokens: 20, output_tokens: 10 },
      },
    ]);
    expect(progress.filter((p) => !p)).toHaveLength(1);
    expect(report.finalMessage).toBe('Done.\nRC_DONE');
    expect(report.usage).toEqual({ input_tokens: 20, output_tokens: 10, cost_usd: null });
    expect(report.error).toBeNull();
  });

  it('reports a gemini result with status error', () => {
    const { report } = feed('gemini-stream-json', [
      { type: 'message', role: 'assistant', content: 'whole' },
      {
        type: 'result',
        status: 'error',
        error: { type: 'INVALID_STREAM', message: 'bad stream' },
        stats: {},
      },
    ]);
    expect(report).toMatchObject({ finalMessage: 'whole', error: 'bad stream' });
  });

  it('takes the last non-empty line of a text agent', () => {
    const { progress, report } = feed('text', ['working', 'RC_DONE', '  ', '']);
    expect(progress).toEqual([true, true, true, true]);
    expect(report).toEqual({
      finalMessage: 'RC_DONE',
      usage: null,
      error: null,
      notices: [],
      hopeless: null,
    });
  });

  it('ignores JSON that is not an object', () => {
    expect(feed('claude-stream-json', ['[1]', '{bad', '"x"']).progress).toEqual([
      false,
      false,
      false,
    ]);
  });
});

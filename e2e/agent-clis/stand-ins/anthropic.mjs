// A stand-in for the Anthropic Messages API (POST /v1/messages, streamed), enough for Claude Code.
import { createServer } from 'node:http';
import { isAbsolute, join } from 'node:path';
import { findDirective, listen, readJson, Script, sse } from './script.mjs';

const USAGE = { input_tokens: 120, output_tokens: 30 };

/**
 * mode: `script` (the scripted model), `unauthorized` (401 for every request), `silent` (accepts
 * requests and never answers).
 */
export async function startAnthropic({ mode = 'script', marker = 'RC_DONE' } = {}) {
  const script = new Script(marker);
  const requests = [];
  const hanging = new Set();
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    requests.push({ method: request.method, url: request.url, model: body.model ?? null });
    if (!request.url.startsWith('/v1/messages')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'not here' } }),
      );
      return;
    }
    if (mode === 'unauthorized') {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          type: 'error',
          error: { type: 'authentication_error', message: 'invalid x-api-key' },
        }),
      );
      return;
    }
    if (mode === 'silent') {
      hanging.add(response);
      return;
    }
    if (request.url.startsWith('/v1/messages/count_tokens')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ input_tokens: 100 }));
      return;
    }
    answer(body, response, script);
  });
  const url = await listen(server);
  return {
    url,
    requests,
    script,
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function textOf(content) {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

function answer(body, response, script) {
  const messages = body.messages ?? [];
  const first = messages.find((message) => message.role === 'user');
  const directive = first === undefined ? null : findDirective(textOf(first.content));
  const hasWrite = (body.tools ?? []).some((tool) => tool.name === 'Write');
  const last = messages.at(-1);
  const toolResult = Array.isArray(last?.content)
    ? last.content.find((part) => part.type === 'tool_result')
    : undefined;
  if (directive === null || !hasWrite)
    return reply(response, body, [{ type: 'text', text: 'OK.' }]);
  if (toolResult !== undefined) {
    const n = Number(/^toolu_rc_(\d+)_/.exec(toolResult.tool_use_id)?.[1] ?? 1);
    return reply(response, body, [{ type: 'text', text: script.final(directive, n) }]);
  }
  const step = script.first(directive);
  if (step.kind === 'text') return reply(response, body, [{ type: 'text', text: step.text }]);
  const cwd = /Working directory: (.+)/
    .exec(JSON.stringify(body.system ?? ''))?.[1]
    ?.split('\\n')[0];
  const path = isAbsolute(step.path) || cwd === undefined ? step.path : join(cwd, step.path);
  return reply(response, body, [
    { type: 'text', text: `Writing ${step.path}.` },
    {
      type: 'tool_use',
      id: `toolu_rc_${step.n}_${Date.now()}`,
      name: 'Write',
      input: { file_path: path, content: step.content },
    },
  ]);
}

function reply(response, body, blocks) {
  const id = `msg_rc_${Math.random().toString(36).slice(2)}`;
  const model = body.model ?? 'claude-stand-in';
  const events = [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: USAGE.input_tokens, output_tokens: 1 },
        },
      },
    },
  ];
  blocks.forEach((block, index) => {
    if (block.type === 'text') {
      events.push({
        event: 'content_block_start',
        data: { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
      });
      events.push({
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index,
          delta: { type: 'text_delta', text: block.text },
        },
      });
    } else {
      events.push({
        event: 'content_block_start',
        data: {
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        },
      });
      events.push({
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
        },
      });
    }
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
  });
  const stop = blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  events.push({
    event: 'message_delta',
    data: {
      type: 'message_delta',
      delta: { stop_reason: stop, stop_sequence: null },
      usage: { output_tokens: USAGE.output_tokens },
    },
  });
  events.push({ event: 'message_stop', data: { type: 'message_stop' } });
  sse(response, events);
}

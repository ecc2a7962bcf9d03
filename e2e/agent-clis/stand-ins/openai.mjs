// A stand-in for the OpenAI Responses API (POST /v1/responses, streamed), enough for codex exec.
import { createServer } from 'node:http';
import { findDirective, listen, readJson, Script, sse } from './script.mjs';

const USAGE = { input_tokens: 150, output_tokens: 25 };

/** mode: `script`, `unauthorized` (401), `silent` (never answers). */
export async function startOpenAI({ mode = 'script', marker = 'RC_DONE' } = {}) {
  const script = new Script(marker);
  const requests = [];
  const hanging = new Set();
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    requests.push({
      method: request.method,
      url: request.url,
      tools: (body.tools ?? []).map((tool) => `${tool.type}:${tool.name ?? ''}`),
      body,
    });
    if (!request.url.includes('/responses')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'not here' } }));
      return;
    }
    if (mode === 'unauthorized') {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: {
            message: 'Incorrect API key provided',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        }),
      );
      return;
    }
    if (mode === 'silent') {
      hanging.add(response);
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

function textOf(item) {
  if (typeof item.content === 'string') return item.content;
  return (item.content ?? []).map((part) => part.text ?? '').join('\n');
}

function answer(body, response, script) {
  const input = Array.isArray(body.input) ? body.input : [];
  const users = input.filter((item) => item.role === 'user').map(textOf);
  const directive = users.map(findDirective).find((found) => found !== null) ?? null;
  const output = input.find((item) => /_call_output$/.test(item.type ?? ''));
  const tools = body.tools ?? [];
  const patchTool = tools.find((tool) => tool.name === 'apply_patch');
  const shellTool = tools.find((tool) => tool.name === 'exec_command');
  const canWrite = patchTool !== undefined || shellTool !== undefined;
  if (directive === null || (directive.verb === 'write' && !canWrite)) {
    return reply(response, [message('OK.')]);
  }
  if (output !== undefined) {
    const n = Number(/^call_rc_(\d+)_/.exec(output.call_id)?.[1] ?? 1);
    return reply(response, [message(script.final(directive, n))]);
  }
  const step = script.first(directive);
  if (step.kind === 'text') return reply(response, [message(step.text)]);
  const lines = step.content
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `+${line}`);
  const patch = ['*** Begin Patch', `*** Add File: ${step.path}`, ...lines, '*** End Patch'].join(
    '\n',
  );
  const call_id = `call_rc_${step.n}_${Date.now()}`;
  // Without apply_patch (models codex has no metadata for), the file is written by a command.
  const quoted = (text) => `'${text.replaceAll("'", "'\\''")}'`;
  const command = `mkdir -p "$(dirname ${quoted(step.path)})" && printf '%s' ${quoted(step.content)} > ${quoted(step.path)}`;
  const call =
    patchTool === undefined
      ? {
          type: 'function_call',
          id: `fc_${call_id}`,
          call_id,
          name: 'exec_command',
          arguments: JSON.stringify({ cmd: command }),
          status: 'completed',
        }
      : patchTool.type === 'custom'
        ? {
            type: 'custom_tool_call',
            id: `ctc_${call_id}`,
            call_id,
            name: 'apply_patch',
            input: patch,
            status: 'completed',
          }
        : {
            type: 'function_call',
            id: `fc_${call_id}`,
            call_id,
            name: 'apply_patch',
            arguments: JSON.stringify({ input: patch }),
            status: 'completed',
          };
  return reply(response, [message(`Writing ${step.path}.`), call]);
}

function message(text) {
  return {
    type: 'message',
    id: `msg_rc_${Math.random().toString(36).slice(2)}`,
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text, annotations: [] }],
  };
}

function reply(response, items) {
  const id = `resp_rc_${Math.random().toString(36).slice(2)}`;
  const events = [
    {
      event: 'response.created',
      data: { type: 'response.created', response: { id, status: 'in_progress', output: [] } },
    },
  ];
  items.forEach((item, index) => {
    events.push({
      event: 'response.output_item.added',
      data: { type: 'response.output_item.added', output_index: index, item },
    });
    if (item.type === 'message') {
      events.push({
        event: 'response.output_text.delta',
        data: {
          type: 'response.output_text.delta',
          item_id: item.id,
          output_index: index,
          content_index: 0,
          delta: item.content[0].text,
        },
      });
    }
    events.push({
      event: 'response.output_item.done',
      data: { type: 'response.output_item.done', output_index: index, item },
    });
  });
  events.push({
    event: 'response.completed',
    data: {
      type: 'response.completed',
      response: {
        id,
        status: 'completed',
        output: items,
        usage: {
          input_tokens: USAGE.input_tokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: USAGE.output_tokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: USAGE.input_tokens + USAGE.output_tokens,
        },
      },
    },
  });
  sse(response, events);
}

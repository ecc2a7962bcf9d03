// A stand-in for the Gemini API (models/*:streamGenerateContent and :generateContent), enough for
// gemini-cli with an API key.
import { createServer } from 'node:http';
import { isAbsolute, join } from 'node:path';
import { findDirective, listen, readJson, Script } from './script.mjs';

const SIDE_ANSWER = {
  complexity_reasoning: 'a single explicit step',
  complexity_score: 10,
  reasoning: 'a single explicit step',
  model_choice: 'flash',
  next_speaker: 'user',
};
const USAGE = { promptTokenCount: 140, candidatesTokenCount: 35, totalTokenCount: 175 };

/** mode: `script`, `unauthorized` (400 API_KEY_INVALID, as Google answers), `silent`. */
export async function startGemini({ mode = 'script', marker = 'RC_DONE' } = {}) {
  const script = new Script(marker);
  const requests = [];
  const hanging = new Set();
  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    requests.push({ method: request.method, url: request.url, body });
    if (mode === 'unauthorized') {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: {
            code: 400,
            message: 'API key not valid. Please pass a valid API key.',
            status: 'INVALID_ARGUMENT',
            details: [{ reason: 'API_KEY_INVALID' }],
          },
        }),
      );
      return;
    }
    if (mode === 'silent') {
      hanging.add(response);
      return;
    }
    if (request.url.includes(':countTokens')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ totalTokens: USAGE.promptTokenCount }));
      return;
    }
    const streamed = request.url.includes(':streamGenerateContent');
    if (!streamed && !request.url.includes(':generateContent')) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: { code: 404, message: 'not here', status: 'NOT_FOUND' } }),
      );
      return;
    }
    // Side questions gemini-cli asks in JSON (model routing, who speaks next) get a JSON answer
    // that keeps to the simple path: a low complexity score, and the user speaks next.
    const system =
      JSON.stringify(body.systemInstruction ?? '') + JSON.stringify(body.generationConfig ?? '');
    const parts =
      !streamed && /JSON|application\/json/.test(system)
        ? [{ text: JSON.stringify(SIDE_ANSWER) }]
        : answer(body, script);
    const chunk = {
      candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
      usageMetadata: USAGE,
      modelVersion: 'gemini-stand-in',
    };
    if (streamed) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
    } else {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(chunk));
    }
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

const texts = (content) => (content?.parts ?? []).map((part) => part.text ?? '').join('\n');

function answer(body, script) {
  const contents = body.contents ?? [];
  const users = contents.filter((content) => content.role === 'user');
  const directive =
    users.map((content) => findDirective(texts(content))).find((found) => found !== null) ?? null;
  const declared = (body.tools ?? []).flatMap((tool) => tool.functionDeclarations ?? []);
  const canWrite = declared.some((fn) => fn.name === 'write_file');
  const last = contents.at(-1);
  const result = (last?.parts ?? []).find((part) => part.functionResponse !== undefined);
  // A read-only run is offered no write tool: a `say` needs none, a `write` gets a plain answer.
  if (directive === null || (directive.verb === 'write' && !canWrite)) return [{ text: 'OK.' }];
  if (result !== undefined) {
    const n = Number(/^rc_(\d+)_/.exec(result.functionResponse.id ?? '')?.[1] ?? script.lastN ?? 1);
    return [{ text: script.final(directive, n) }];
  }
  const step = script.first(directive);
  if (step.kind === 'text') return [{ text: step.text }];
  script.lastN = step.n;
  const all = contents.map(texts).join('\n') + JSON.stringify(body.systemInstruction ?? '');
  const cwd = /Workspace Directories:\*\*\n\s*- (\/[^\s"\\]+)/.exec(all)?.[1];
  const path = isAbsolute(step.path) || cwd === undefined ? step.path : join(cwd, step.path);
  return [
    { text: `Writing ${step.path}.` },
    {
      functionCall: {
        id: `rc_${step.n}_${Date.now()}`,
        name: 'write_file',
        args: { file_path: path, content: step.content },
      },
    },
  ];
}

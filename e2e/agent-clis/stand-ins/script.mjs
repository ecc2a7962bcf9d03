// The scripted model behind every stand-in: what a prompt asks for, and what to answer.
//
// A prompt carries one directive line for the stand-in, e.g.
//   stand-in: write notes/{n}.txt "iteration {n}" finish-after 2
//   stand-in: say "Plan: the worker writes the next note."
// `write` answers a conversation's first request with one tool call that writes the file, and the
// request carrying the tool's result with a final message; `{n}` counts the conversations that
// carried this directive (1, 2, ...). `finish-after N` ends the final message with the completion
// marker from the Nth conversation on. `say` answers with the text and no tool call.

const DIRECTIVE = /stand-in: (write|say) (.*)$/m;

/** Finds the directive in a prompt's text, or null. */
export function findDirective(text) {
  const match = DIRECTIVE.exec(text);
  if (match === null) return null;
  const [, verb, rest] = match;
  if (verb === 'say') return { verb, text: unquote(rest.trim()) };
  const parsed = /^(\S+) "([^"]*)"(?: finish-after (\d+))?/.exec(rest.trim());
  if (parsed === null) return null;
  return {
    verb,
    path: parsed[1],
    content: parsed[2],
    finishAfter: parsed[3] === undefined ? null : Number(parsed[3]),
  };
}

function unquote(text) {
  return text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/** Counts conversations per directive, so each one gets its own `{n}`. */
export class Script {
  constructor(marker = 'RC_DONE') {
    this.marker = marker;
    this.counts = new Map();
    this.log = [];
  }

  /** The first answer of a conversation: a write to make, or the final text. */
  first(directive) {
    const key = JSON.stringify(directive);
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (directive.verb === 'say') {
      this.log.push(`say ${directive.text}`);
      return { kind: 'text', text: directive.text };
    }
    const fill = (value) => value.replaceAll('{n}', String(n));
    const write = { path: fill(directive.path), content: `${fill(directive.content)}\n`, n };
    this.log.push(`write ${write.path}`);
    return { kind: 'write', ...write };
  }

  /** The final message after the tool ran: says what was written, and done when it is time. */
  final(directive, n) {
    if (directive.verb === 'say') return directive.text;
    const done = directive.finishAfter !== null && n >= directive.finishAfter;
    const path = directive.path.replaceAll('{n}', String(n));
    return done ? `Wrote ${path}.\n${this.marker}` : `Wrote ${path}.`;
  }
}

/** Reads a request body as JSON. */
export async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    return {};
  }
}

/** Starts an HTTP server on 127.0.0.1 with a free port; returns it with its base URL. */
export async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return `http://127.0.0.1:${port}`;
}

/** Server-sent events: `event:` (when named) and `data:` lines. */
export function sse(response, events) {
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const { event, data } of events) {
    if (event !== undefined) response.write(`event: ${event}\n`);
    response.write(`data: ${JSON.stringify(data)}\n\n`);
  }
  response.end();
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake GitHub saw it. */
interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** How the fake GitHub answers one request. */
interface FakeAnswer {
  status: number;
  /** Sent as JSON unless `raw` is given. */
  json?: unknown;
  /** Sent as is, with `content-type: application/json`. */
  raw?: string;
  /** Wait this long before answering. */
  delayMs?: number;
}

type FakeHandler = (request: RecordedRequest) => FakeAnswer;

/** A fake GitHub REST API on 127.0.0.1: records every request and answers with `handler`. */
export interface GitHubApiServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
}

export async function startGitHubApiServer(): Promise<GitHubApiServer> {
  const requests: RecordedRequest[] = [];
  let handler: FakeHandler = () => ({ status: 500, json: { message: 'no handler' } });
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(recorded);
      const answer = handler(recorded);
      const send = () => {
        if (res.destroyed) return;
        const body = answer.raw ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
        res.writeHead(
          answer.status,
          body === '' ? {} : { 'content-type': 'application/json; charset=utf-8' },
        );
        res.end(body);
      };
      if (!answer.delayMs) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, answer.delayMs);
      timers.add(timer);
      res.on('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** Every string reachable from an error: own properties (message, stack, cause…) recursively. */
export function errorChainJson(error: unknown): string {
  const seen = new Set<unknown>();
  const walk = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[Circular]';
    seen.add(value);
    const out: Record<string, unknown> = {};
    for (const key of Object.getOwnPropertyNames(value)) {
      out[key] = walk((value as Record<string, unknown>)[key]);
    }
    return out;
  };
  return JSON.stringify(walk(error));
}

import type { Agent as HttpAgent, IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';

// Taken with getBuiltinModule, not imported: on Node 24 an ES module import of node:http builds
// its ESM facade by reading every export, and its WebSocket getters load undici (~50 ms), the
// very cost this file exists to avoid.
const http = process.getBuiltinModule('node:http');
const https = process.getBuiltinModule('node:https');

/** The part of a fetch Response that Octokit reads. */
interface BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: null;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The part of fetch's Headers that Octokit reads: iteration and `get`. */
class Headers {
  readonly #entries: [string, string][];
  constructor(raw: IncomingMessage['headers']) {
    this.#entries = Object.entries(raw).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]);
  }
  get(name: string): string | null {
    return this.#entries.find(([key]) => key === name.toLowerCase())?.[1] ?? null;
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.#entries[Symbol.iterator]();
  }
}

const MAX_REDIRECTS = 5;

/**
 * A fetch for Octokit over node:http(s), with the whole exchange (connecting, headers, body)
 * under one `timeoutMs` deadline and the body buffered. Why not Node's own fetch: loading undici
 * costs a one-shot process ~50 ms before its first request, and its idle keep-alive sockets hold
 * the process ~100 ms after its last; node:http's keep-alive sockets are reused but never keep the
 * process alive. Redirects are followed as fetch follows them (the token is not sent to another
 * origin). On timeout it rejects with the `TimeoutError` of `AbortSignal.timeout`; a failed
 * connection rejects as fetch does, a `TypeError('fetch failed')` whose cause is the error.
 */
export function createHttpFetch(timeoutMs: number): typeof fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };
  const fetchLike = async (input: unknown, init: RequestInit = {}): Promise<BufferedResponse> => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    let url = new URL(String(input));
    let method = (init.method ?? 'GET').toUpperCase();
    let body = typeof init.body === 'string' ? init.body : undefined;
    let headers = { ...(init.headers as Record<string, string> | undefined) };
    for (let hop = 0; ; hop++) {
      const response = await exchange(url, { method, headers, body, signal }, agents);
      const location = response.headers.get('location');
      const redirect = [301, 302, 303, 307, 308].includes(response.status) && location !== null;
      if (!redirect || init.redirect === 'manual' || hop >= MAX_REDIRECTS) {
        if (redirect && init.redirect === 'error') throw new TypeError('fetch failed: redirect');
        return response;
      }
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
        );
      }
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
      }
      url = next;
    }
  };
  return fetchLike as unknown as typeof fetch;
}

function exchange(
  url: URL,
  options: {
    method: string;
    headers: Record<string, string>;
    body: string | undefined;
    signal: AbortSignal;
  },
  agents: { 'http:': HttpAgent; 'https:': HttpsAgent },
): Promise<BufferedResponse> {
  const { signal } = options;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const secure = url.protocol === 'https:';
    const send = secure ? https.request : http.request;
    const request = send(url, {
      method: options.method,
      headers: {
        ...options.headers,
        ...(options.body === undefined
          ? {}
          : { 'content-length': Buffer.byteLength(options.body) }),
      },
      agent: secure ? agents['https:'] : agents['http:'],
    });
    const abort = () => request.destroy(signal.reason as Error);
    signal.addEventListener('abort', abort, { once: true });
    const fail = (error: Error) => {
      signal.removeEventListener('abort', abort);
      reject(signal.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    };
    request.on('error', fail);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        signal.removeEventListener('abort', abort);
        const bytes = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          url: url.href,
          headers: new Headers(response.headers),
          body: null,
          text: async () => bytes.toString('utf8'),
          arrayBuffer: async () =>
            bytes.buffer.slice(
              bytes.byteOffset,
              bytes.byteOffset + bytes.byteLength,
            ) as ArrayBuffer,
        });
      });
    });
    request.end(options.body);
  });
}

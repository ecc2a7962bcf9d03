import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpFetch } from '../src/_http-fetch';

type Seen = { method: string; url: string; authorization: string | undefined; body: string };
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

// A server on 127.0.0.1 whose answers the test writes; connections stay open a minute when idle.
async function serve(answer: (seen: Seen, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      };
      seen.push(request);
      answer(request, res);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closers.push(
    () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('createHttpFetch', () => {
  it('sends method, headers and body, and buffers the answer with its headers', async () => {
    const server = await serve((_seen, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-multi': ['a', 'b'] });
      res.end('{"ok":true}');
    });
    const fetch = createHttpFetch(5000);
    const response = await fetch(`${server.url}/x`, {
      method: 'post',
      headers: { authorization: 'token t' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.url).toBe(`${server.url}/x`);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('x-missing')).toBeNull();
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'x-multi': 'a, b' });
    expect(await response.text()).toBe('{"ok":true}');
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe('{"ok":true}');
    expect(server.seen).toEqual([
      { method: 'POST', url: '/x', authorization: 'token t', body: '{"a":1}' },
    ]);
  });

  it('follows a redirect, keeping the token on the same origin and dropping it elsewhere', async () => {
    const other = await serve((_seen, res) => {
      res.writeHead(200);
      res.end('there');
    });
    const server = await serve((seen, res) => {
      if (seen.url === '/moved') {
        res.writeHead(301, { location: '/here' });
      } else if (seen.url === '/away') {
        res.writeHead(307, { location: `${other.url}/there` });
      } else if (seen.url === '/see-other') {
        res.writeHead(303, { location: '/here' });
      } else {
        res.writeHead(200);
      }
      res.end(seen.url);
    });
    const fetch = createHttpFetch(5000);
    const headers = { authorization: 'token t' };
    expect(await (await fetch(`${server.url}/moved`, { headers })).text()).toBe('/here');
    expect(server.seen.at(-1)).toMatchObject({ url: '/here', authorization: 'token t' });
    expect(await (await fetch(`${server.url}/away`, { headers })).text()).toBe('there');
    expect(other.seen).toEqual([
      { method: 'GET', url: '/there', authorization: undefined, body: '' },
    ]);
    await fetch(`${server.url}/see-other`, { method: 'POST', headers, body: 'x' });
    expect(server.seen.at(-1)).toMatchObject({ method: 'GET', url: '/here', body: '' });
  });

  it('stops following after five redirects, or at once with redirect manual', async () => {
    const server = await serve((_seen, res) => {
      res.writeHead(302, { location: '/again' });
      res.end();
    });
    const fetch = createHttpFetch(5000);
    expect((await fetch(`${server.url}/loop`)).status).toBe(302);
    expect(server.seen).toHaveLength(6);
    expect((await fetch(`${server.url}/one`, { redirect: 'manual' })).status).toBe(302);
    expect(server.seen).toHaveLength(7);
    await expect(fetch(`${server.url}/one`, { redirect: 'error' })).rejects.toThrow('redirect');
  });

  it('rejects with TimeoutError when the answer stalls half-way through its body', async () => {
    const server = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"half":');
    });
    const error: unknown = await createHttpFetch(200)(`${server.url}/slow`).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('rejects at once when the caller aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      createHttpFetch(5000)('http://127.0.0.1:9/', { signal: controller.signal }),
    ).rejects.toThrow('stop');
  });

  it('rejects as fetch does when nothing listens: TypeError with the cause', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    await closers.pop()?.();
    const error: unknown = await createHttpFetch(5000)(`${url}/`).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('reuses its connection, yet the idle socket never holds the process open', async () => {
    const server = await serve((seen, res) => {
      res.end(seen.url);
    });
    // The server's side of each connection is unref'd, so any TCP socket that keeps this
    // process's event loop alive is the client's.
    const ports: number[] = [];
    server.server.on('connection', (socket: Socket) => {
      socket.unref();
      ports.push(socket.remotePort ?? 0);
    });
    const fetch = createHttpFetch(5000);
    expect(await (await fetch(`${server.url}/first`)).text()).toBe('/first');
    expect(await (await fetch(`${server.url}/second`)).text()).toBe('/second');
    expect(ports).toHaveLength(1);
    expect(process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap')).toEqual([]);
  });
});

import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in answers: the commenter's role, team memberships, and issue labels. */
export interface StandInOptions {
  /** The role_name returned for every collaborator permission lookup. */
  role: string;
  /** Teams (`org/slug`) every user is an active member of. */
  teams: readonly string[];
  /** Labels of every issue looked up. */
  labels: readonly string[];
}

/** A GitHub REST stand-in on 127.0.0.1 for `rc simulate`: nothing leaves the machine. */
export interface StandIn {
  url: string;
  /** `METHOD path -> status` for every request served, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the stand-in on a free loopback port. */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const status = answer(req.method ?? '', path, options, res);
      requests.push(`${req.method ?? ''} ${path} -> ${status}`);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function answer(method: string, path: string, options: StandInOptions, res: ServerResponse) {
  const send = (status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
    return status;
  };
  const collaborator = /^\/repos\/[^/]+\/[^/]+\/collaborators\/([^/]+)\/permission$/.exec(path);
  if (method === 'GET' && collaborator)
    return send(200, {
      permission: options.role,
      role_name: options.role,
      user: { login: decodeURIComponent(collaborator[1] ?? '') },
    });
  const team = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/[^/]+$/.exec(path);
  if (method === 'GET' && team)
    return options.teams.includes(`${team[1] ?? ''}/${team[2] ?? ''}`)
      ? send(200, { state: 'active', role: 'member' })
      : send(404, { message: 'Not Found' });
  if (method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/.test(path))
    return send(200, { labels: options.labels.map((name) => ({ name })) });
  if (method === 'POST' && /\/issues\/comments\/\d+\/reactions$/.test(path))
    return send(201, { id: 1, content: 'eyes' });
  if (method === 'POST' && /\/actions\/workflows\/[^/]+\/dispatches$/.test(path)) return send(204);
  return send(404, { message: 'Not Found (rc simulate stand-in)' });
}

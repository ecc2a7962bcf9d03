// The Action's own work, side by side with peter-evans/slash-command-dispatch: each bundle reads
// the same issue_comment event and works through the same 127.0.0.1 stand-in of the GitHub API
// up to its workflow_dispatch request (and its rocket reaction), in one run, rounds interleaved.
// Figure: median wall time of rc's committed bundle / that of the peer's committed bundle.
//
// The peer's bundle is not part of this repository: fetch peter-evans/slash-command-dispatch
// yourself and point RC_BENCH_PEER_ACTION at its dist/index.js. Without it the comparison is
// skipped (said plainly) and rc's absolute figures are printed against a bare `node -e 0`.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchEnv, median, quick, report } from './_measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const rcBundle = join(root, 'packages/workflows/action/index.mjs');
const peerBundle = process.env['RC_BENCH_PEER_ACTION'] || null;
if (peerBundle !== null && !existsSync(peerBundle))
  throw new Error(`RC_BENCH_PEER_ACTION: no such file ${peerBundle}`);
const TOKEN = 'ghs_benchTOKEN0123456789abcdefghijklmnopq';

// One stand-in for both: answers every call either action makes on the way to its dispatch.
let requests = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    requests += 1;
    const url = req.url ?? '';
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (url.endsWith('/permission'))
      return send(200, {
        permission: 'admin',
        role_name: 'admin',
        user: {
          login: 'Codertocat',
          permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
        },
      });
    if (url.includes('/reactions')) return send(201, { id: 1, content: 'eyes' });
    if (url.includes('/dispatches')) return send(204);
    if (url.includes('/actions/workflows'))
      return send(200, {
        total_count: 1,
        workflows: [{ id: 1, path: '.github/workflows/orchestrate-command.yml' }],
      });
    if (/^\/repos\/[^/]+\/[^/]+$/.test(url.split('?')[0]))
      return send(200, { default_branch: 'main' });
    return send(404, { message: 'Not Found' });
  });
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const apiUrl = `http://127.0.0.1:${server.address().port}`;

const repo = mkdtempSync(join(tmpdir(), 'rc-bench-action-'));
cpSync(join(root, 'examples/repo'), repo, { recursive: true });
const config = readFileSync(join(repo, 'orchestration.yaml'), 'utf8');
writeFileSync(join(repo, 'orchestration.yaml'), config.replace('[roles-file]', '[api]'));
const eventPath = join(root, 'examples/events/issue-comment-orchestrate.json');
const common = {
  ...benchEnv,
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'issue_comment',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_API_URL: apiUrl,
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_ACTOR: 'Codertocat',
  GITHUB_OUTPUT: join(repo, 'output.txt'),
  GITHUB_STEP_SUMMARY: join(repo, 'summary.md'),
};
const rcEnv = { ...common, INPUT_TOKEN: TOKEN };
const peerEnv = {
  ...common,
  INPUT_TOKEN: TOKEN,
  'INPUT_REACTION-TOKEN': TOKEN,
  INPUT_REACTIONS: 'true',
  INPUT_COMMANDS: 'orchestrate',
  INPUT_PERMISSION: 'maintain',
  'INPUT_ISSUE-TYPE': 'both',
  'INPUT_ALLOW-EDITS': 'false',
  INPUT_REPOSITORY: 'Codertocat/Hello-World',
  'INPUT_EVENT-TYPE-SUFFIX': '-command',
  'INPUT_STATIC-ARGS': '',
  'INPUT_DISPATCH-TYPE': 'workflow',
  INPUT_CONFIG: '',
  'INPUT_CONFIG-FROM-FILE': '',
};

// Wall time of one run, from spawn to exit; the stand-in answers from this process meanwhile.
function timed(args, env, expect) {
  const start = performance.now();
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: repo, env }, (error, stdout, stderr) => {
      const elapsed = performance.now() - start;
      if (error !== null) return fail(new Error(`${args.join(' ')}: ${error.message}${stderr}`));
      if (!expect.test(`${stdout}${stderr}`))
        return fail(new Error(`${args[0]} did not dispatch: ${stdout}${stderr}`));
      done(elapsed);
    });
  });
}

const sides = [
  ['rc', () => timed([rcBundle], rcEnv, /rc dispatch: dispatched/)],
  ...(peerBundle === null
    ? []
    : [['slash-command-dispatch', () => timed([peerBundle], peerEnv, /dispatched to workflow/)]]),
  ['node -e 0', () => timed(['-e', '0'], benchEnv, /^$/)],
];
const rounds = quick ? 3 : 31;
const warmup = quick ? 1 : 3;
const samples = sides.map(() => []);
const perRun = sides.map(() => 0);
try {
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [index, [, run]] of sides.entries()) {
      // Each rc run dispatches anew: the dispatch log of the previous one would make it a duplicate.
      rmSync(join(repo, 'artifacts'), { recursive: true, force: true });
      const before = requests;
      const elapsed = await run();
      perRun[index] = requests - before;
      if (round >= warmup) samples[index].push(elapsed);
    }
  }
} finally {
  server.closeAllConnections();
  server.close();
  rmSync(repo, { recursive: true, force: true });
}
const [rcMs, ...others] = samples.map(median);
const nodeMs = others.at(-1);
const calls = `rc ${perRun[0]} API calls`;
if (peerBundle === null) {
  console.log(
    'action-dispatch: comparison with slash-command-dispatch SKIPPED (RC_BENCH_PEER_ACTION unset);',
    `rc's absolute figures: bundle ${rcMs.toFixed(1)} ms, node -e 0 ${nodeMs.toFixed(1)} ms`,
  );
  report({
    figure: 'action-dispatch (rc bundle / node -e 0; peer comparison skipped)',
    ratio: rcMs / nodeMs,
    target: 0.7,
    skipped: true,
    detail: `peer comparison skipped: set RC_BENCH_PEER_ACTION to slash-command-dispatch's dist/index.js; rc ${rcMs.toFixed(1)} ms (${calls}), node -e 0 ${nodeMs.toFixed(1)} ms, median of ${rounds}`,
  });
} else {
  const peerMs = others[0];
  report({
    figure: 'action-dispatch (rc bundle / slash-command-dispatch bundle)',
    ratio: rcMs / peerMs,
    target: 0.7,
    detail: `rc ${rcMs.toFixed(1)} ms (${calls}), slash-command-dispatch ${peerMs.toFixed(1)} ms (${perRun[1]} API calls), node -e 0 ${nodeMs.toFixed(1)} ms, median of ${rounds}`,
  });
}

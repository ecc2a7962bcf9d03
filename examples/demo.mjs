// `npm run demo`: rc on the bundled example data, step by step, with the real built CLI.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rcBin = join(root, 'packages/cli/dist/rc.cjs');
const exampleRepo = join(root, 'examples/repo');
const eventPath = join(root, 'examples/events/issue-comment-orchestrate.json');
const badEventPath = join(root, 'examples/events/issue-comment-bad-command.json');
const show = (path) => relative(process.cwd(), path) || '.';

// A word as a POSIX shell reads it back unchanged.
const shellWord = (word) =>
  /^[\w@%+=:,./#-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
let shownCwd = null;

// Runs the built rc, first printing the command (and a `cd` when the directory changes), with
// paths relative to where it runs, so a reader can replay every step by hand from a clone.
function rc(args, options = {}) {
  const cwd = options.cwd ?? exampleRepo;
  const near = (path) => (relative(cwd, path).startsWith('..') ? path : relative(cwd, path) || '.');
  const words = args.map((arg) => shellWord(isAbsolute(arg) ? near(arg) : arg));
  if (cwd !== shownCwd) console.log(`   $ cd ${cwd.startsWith(root) ? show(cwd) : cwd}`);
  shownCwd = cwd;
  console.log(`   $ rc ${words.join(' ')}`);
  const result = spawnSync(process.execPath, [rcBin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

function step(n, title) {
  console.log(`\n== ${n}. ${title}`);
}

function indent(text) {
  return text.trimEnd().replace(/^/gm, '   ');
}

console.log(`rc demo: ${rc(['--version']).stdout.trim()} on ${show(exampleRepo)}`);

step(1, 'A maintainer comments on an issue (a real-shaped issue_comment webhook)');
const event = JSON.parse(readFileSync(eventPath, 'utf8'));
console.log(`   event:      ${show(eventPath)}`);
console.log(`   repository: ${event.repository.full_name}`);
console.log(`   issue:      #${event.issue.number} "${event.issue.title}"`);
console.log(`   labels:     ${event.issue.labels.map((label) => label.name).join(', ')}`);
console.log(`   author:     ${event.comment.user.login} (${event.comment.author_association})`);
console.log(`   comment:    ${event.comment.body.split(/\r?\n/)[0]}`);

step(2, 'rc gate check: may this person command agents here? (roles file, offline)');
for (const [path, who] of [
  [eventPath, 'the maintainer'],
  [join(root, 'examples/events/issue-comment-outsider.json'), 'an outside collaborator'],
]) {
  const gate = rc(['gate', 'check', '--event-path', path, '--json']);
  const decision = JSON.parse(gate.stdout);
  console.log(
    `   ${who}: exit ${gate.code} -> ${decision.allowed ? 'ALLOWED' : 'DENIED'} ${decision.actor} (role ${decision.role ?? 'none'}, via ${decision.source ?? 'nothing'})`,
  );
  console.log(indent(gate.stderr));
}

step(3, 'rc orchestrator parse: the command it carries (canonical JSON)');
const parsed = rc(['orchestrator', 'parse', '--event-path', eventPath]);
if (parsed.code !== 0) throw new Error(`rc orchestrator parse failed: ${parsed.stderr}`);
console.log(indent(parsed.stdout));
const command = JSON.parse(parsed.stdout);

step(4, 'rc orchestrator plan, then dispatch (local trigger): deterministic artifacts');
const work = mkdtempSync(join(tmpdir(), 'rc-demo-'));
cpSync(exampleRepo, work, { recursive: true });
const runId = '2026-11-20T09-15-00-0700';
const planned = rc(['orchestrator', 'plan', '--event-path', eventPath, '--run-id', runId], {
  cwd: work,
});
if (planned.code !== 0) throw new Error(`rc orchestrator plan failed: ${planned.stderr}`);
console.log(indent(planned.stdout));
const replanned = rc(['orchestrator', 'plan', '--event-path', eventPath, '--run-id', runId], {
  cwd: work,
});
console.log(
  `   planned again with the same run id: ${replanned.stdout.includes('(unchanged)') ? 'byte-identical, nothing rewritten' : 'CHANGED'}`,
);
const dispatched = rc(
  [
    'orchestrator',
    'dispatch',
    '--event-path',
    eventPath,
    '--run-id',
    runId,
    '--trigger',
    'local',
    '--json',
  ],
  { cwd: work },
);
if (dispatched.code !== 0) throw new Error(`rc orchestrator dispatch failed: ${dispatched.stderr}`);
const outcome = JSON.parse(dispatched.stdout);
console.log(`   dispatch: ${outcome.outcome} (key ${outcome.idempotency_key.slice(0, 12)}...)`);
const runnerLine = dispatched.stderr.split('\n').find((line) => line.startsWith('local runner:'));
if (runnerLine) console.log(`   ${runnerLine}`);
for (const [what, path] of Object.entries(outcome.paths))
  console.log(`   ${what.padEnd(9)} ${join(work, path)}`);
const again = rc(
  [
    'orchestrator',
    'dispatch',
    '--event-path',
    eventPath,
    '--run-id',
    '2026-11-20T09-16-00-0700',
    '--json',
  ],
  { cwd: work },
);
console.log(
  `   the same comment delivered again: ${JSON.parse(again.stdout).outcome}, exit ${again.code}`,
);
const log = readFileSync(join(work, 'artifacts/orchestrator/dispatch-log.ndjson'), 'utf8')
  .trim()
  .split('\n');
console.log(
  `   dispatch-log.ndjson: ${log.length} lines (${log.map((line) => JSON.parse(line).outcome).join(', ')})`,
);

step(5, 'Phoenix time for schedules: GitHub cron runs in UTC');
const cron = rc(['time', 'cron', '0 9 * * 1-5']);
console.log(`   Phoenix "0 9 * * 1-5" (09:00 weekdays) = UTC "${cron.stdout.trim()}"`);

step(6, 'Bad input is refused with a message naming the problem (exit 2)');
const bad = rc(['orchestrator', 'parse', '--event-path', badEventPath]);
console.log(`   ${show(badEventPath)} -> exit ${bad.code}`);
console.log(indent(bad.stderr));
if (bad.code !== 2) throw new Error(`expected exit 2 for a bad command, got ${bad.code}`);

// Later parts of rc add their own demo steps (examples/demo-steps/<area>.mjs), in this order.
let next = 7;
for (const area of ['loop', 'playbook', 'promote', 'workflows']) {
  const module = join(root, 'examples/demo-steps', `${area}.mjs`);
  if (!existsSync(module)) continue;
  const { demo } = await import(pathToFileURL(module).href);
  await demo({
    rc,
    work,
    step: (title) => step(next++, title),
    indent,
  });
}

console.log(`\nartifacts of this run are in ${work} (a temp copy of examples/repo).`);
console.log(
  '\ndemo finished: every step above ran the real rc binary (packages/cli/dist/rc.cjs); each `$ rc ...`',
);
console.log('line is the command it ran. In a clone, `npm ci` puts `rc` in node_modules/.bin:');
console.log('  export PATH="$PWD/node_modules/.bin:$PATH"');

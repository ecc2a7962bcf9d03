// `npm run demo`: rc on the bundled example data, step by step, with the real built CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rcBin = join(root, 'packages/cli/dist/rc.js');
const exampleRepo = join(root, 'examples/repo');
const eventPath = join(root, 'examples/events/issue-comment-orchestrate.json');
const badEventPath = join(root, 'examples/events/issue-comment-bad-command.json');
const show = (path) => relative(process.cwd(), path) || '.';

function rc(args, options = {}) {
  const result = spawnSync(process.execPath, [rcBin, ...args], {
    cwd: options.cwd ?? exampleRepo,
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

step(4, 'The plan to be (planning and dispatch arrive with the next issues)');
const config = readFileSync(join(exampleRepo, 'orchestration.yaml'), 'utf8');
const promptsDir = /prompts_dir:\s*(\S+)/.exec(config)?.[1] ?? 'project/prompts/wave2';
const workflow = /workflow:\s*(\S+)/.exec(config)?.[1] ?? 'orchestrator-runner';
const runId = rc(['time', 'run-id']).stdout.trim();
const now = rc(['time', 'now']).stdout.trim();
console.log(`   target issue:  #${command.issue_number} (from the ${command.issue_source})`);
console.log(`   helper prompt: ${promptsDir}/${command.prompt ?? command.issue_number}.md`);
console.log(
  `   workflow:      ${workflow}.yml (mode ${command.mode}${command.dry_run ? ', dry run' : ''})`,
);
console.log(`   run id:        ${runId}  (Phoenix time, ${now})`);
console.log(`   artifact:      artifacts/orchestrator/${runId}/plan.json`);

step(5, 'Phoenix time for schedules: GitHub cron runs in UTC');
const cron = rc(['time', 'cron', '0 9 * * 1-5']);
console.log(`   Phoenix "0 9 * * 1-5" (09:00 weekdays) = UTC "${cron.stdout.trim()}"`);

step(6, 'Bad input is refused with a message naming the problem (exit 2)');
const bad = rc(['orchestrator', 'parse', '--event-path', badEventPath]);
console.log(`   ${show(badEventPath)} -> exit ${bad.code}`);
console.log(indent(bad.stderr));
if (bad.code !== 2) throw new Error(`expected exit 2 for a bad command, got ${bad.code}`);

console.log('\ndemo finished: every step above ran the real rc binary (packages/cli/dist/rc.js).');

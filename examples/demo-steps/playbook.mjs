// Demo step: a four-task playbook running two at a time in a real git repository, with a
// SCRIPTED agent (examples/playbook/scripted-agent.mjs, not an AI) standing in for codex.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', 'playbook');

export async function demo({ rc, work, step, indent }) {
  step('rc playbook: four tasks from a master plan, two at a time, with a scripted agent');
  const repo = join(work, 'playbook-repo');
  mkdirSync(repo, { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'rc demo');
  git('config', 'user.email', 'demo@example.invalid');
  copyFileSync(join(examples, 'master-plan.md'), join(repo, 'master-plan.md'));
  git('add', '-A');
  git('commit', '-q', '-m', 'master plan');
  console.log(`   master plan: ${join(repo, 'master-plan.md')} (a git repo on main)`);

  const plan = rc(['playbook', 'plan', 'master-plan.md', '--concurrency', '2'], { cwd: repo });
  if (plan.code !== 0) throw new Error(`rc playbook plan failed: ${plan.stderr}`);
  console.log(
    '   the schedule (a task starts once its dependencies passed and no running scope overlaps):',
  );
  console.log(indent(plan.stdout));

  const agent = `node ${join(examples, 'scripted-agent.mjs')}`;
  console.log(`   agent: ${agent}   <- SCRIPTED, not an AI`);
  const run = rc(
    [
      'playbook',
      'run',
      'master-plan.md',
      '--concurrency',
      '2',
      '--agent',
      agent,
      '--log-format',
      'text',
    ],
    { cwd: repo },
  );
  console.log(indent(run.stderr));
  console.log(indent(run.stdout));
  if (run.code !== 0) throw new Error(`rc playbook run exited ${run.code}`);

  const ledger = rc(['playbook', 'ledger'], { cwd: repo });
  console.log('   rc playbook ledger (the evidence ledger, rendered from ledger.ndjson):');
  console.log(indent(ledger.stdout));
  console.log(
    `   integration branch main now has: ${git('log', '--format=%s', '-4').trim().split('\n').join(' | ')}`,
  );
  console.log(
    `   artifacts: ${join(repo, '.orchestrator')}/ (ledger.ndjson, ledger.md, logs/<task>.log, cards/<task>.md)`,
  );
  const log = readFileSync(join(repo, '.orchestrator/logs/P1-UI-01.log'), 'utf8')
    .trim()
    .split('\n');
  console.log(`   e.g. logs/P1-UI-01.log: ${log.length} lines, first: ${log[0]}`);
}

// Demo: scaffold caller workflows, lint them, and rehearse an /orchestrate comment locally.
import { join } from 'node:path';

const SHA = '0123456789abcdef0123456789abcdef01234567';

export async function demo({ rc, work, step, indent }) {
  const events = join(import.meta.dirname, '..', 'events');
  const scaffold = join(work, 'adopter');
  step(
    'rc workflows init: caller workflows, orchestration.yaml and prompts for another repository',
  );
  const init = await rc(
    ['workflows', 'init', '--dir', scaffold, '--ref', SHA, '--repository', 'acme/rc'],
    { cwd: work },
  );
  if (init.code !== 0) throw new Error(`rc workflows init exited ${init.code}: ${init.stderr}`);
  console.log(indent(init.stdout.trim()));

  step('rc workflows lint: actionlint plus rc security rules over what init wrote');
  const lint = await rc(['workflows', 'lint'], { cwd: scaffold });
  if (lint.code !== 0) throw new Error(`rc workflows lint exited ${lint.code}: ${lint.stdout}`);
  console.log(indent(lint.stderr.trim()));

  step(
    'rc simulate: the runner job locally (Phoenix run id, gate, dispatch) against a 127.0.0.1 stand-in',
  );
  const simulate = await rc(
    [
      'simulate',
      '--event',
      'issue_comment',
      '--payload',
      join(events, 'issue-comment-orchestrate.json'),
      '--token',
      'demo-token',
      '--json',
    ],
    { cwd: work },
  );
  if (simulate.code !== 0)
    throw new Error(`rc simulate exited ${simulate.code}: ${simulate.stderr}`);
  console.log(indent(simulate.stdout.trim()));
  console.log(indent(`artifacts: ${join(work, 'artifacts/orchestrator')}`));
}

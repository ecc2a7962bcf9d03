// `rc orchestrator plan` on a real-shaped event: median wall time / that of `node -e 0`, same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, rcBin, report } from './_measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'rc-bench-plan-'));
try {
  const args = [
    rcBin,
    'orchestrator',
    'plan',
    '--event-path',
    join(root, 'examples/events/issue-comment-orchestrate.json'),
    '--config',
    join(root, 'examples/repo/orchestration.yaml'),
    '--run-id',
    '2026-11-20T09-15-00-0700',
    '--artifacts-dir',
    out,
  ];
  const {
    medians: [planMs, nodeMs],
    rounds,
  } = medians(
    [
      [process.execPath, args],
      [process.execPath, ['-e', '0']],
    ],
    { cwd: join(root, 'examples/repo') },
  );
  report({
    figure: 'orchestrator-plan (rc orchestrator plan / node -e 0)',
    ratio: planMs / nodeMs,
    target: 2.5,
    detail: `plan ${planMs.toFixed(1)} ms, node ${nodeMs.toFixed(1)} ms, median of ${rounds}`,
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}

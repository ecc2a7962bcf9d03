// `rc orchestrator plan` on a real-shaped event: median wall time / that of `node -e 0`, same run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { medians, rcBin, report } from './_measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'rc-bench-plan-'));

// Whether this Node takes the V8 code cache the build wrote for the plan bundle
// (packages/cli/src/load-bundle.ts); a Node with another V8 refuses it and compiles from source.
function codeCache() {
  const file = join(root, 'packages/cli/dist/plan.cjs');
  try {
    const source = readFileSync(file, 'utf8');
    const marker = '\n//# rcCodeCache=';
    const key = source.slice(source.lastIndexOf(marker) + marker.length).trim();
    const cache = readFileSync(`${file}.cache`);
    if (cache.toString('latin1', 0, key.length) !== key) return 'not this build’s';
    const script = new Script(source, { filename: file, cachedData: cache.subarray(key.length) });
    return script.cachedDataRejected ? 'refused by this Node' : 'used';
  } catch {
    return 'absent';
  }
}

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
    detail: `plan ${planMs.toFixed(1)} ms, node ${nodeMs.toFixed(1)} ms, median of ${rounds}; V8 code cache ${codeCache()}`,
  });
} finally {
  rmSync(out, { recursive: true, force: true });
}

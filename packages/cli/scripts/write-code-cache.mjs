// Runs after the build (see tsup.config.ts): gives a bundle built for src/load-bundle.ts its V8
// code cache. The bundle is compiled and run once on the example event and configuration, then
// V8's compiled code, now holding every function that run needed, is saved as `<bundle>.cache`,
// after a key that the bundle's last line repeats. A cache is only ever a shortcut: V8 refuses
// one made by another V8 version or other flags, and rc then compiles the bundle as usual.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const MARKER = '\n//# rcCodeCache='; // as CODE_CACHE_KEY_MARKER in src/load-bundle.ts
const root = fileURLToPath(new URL('../../..', import.meta.url));
const file = resolve(process.argv[2] ?? 'dist/plan.cjs');

const built = readFileSync(file, 'utf8');
const at = built.lastIndexOf(MARKER);
const plain = at === -1 ? built : built.slice(0, at);
const key = createHash('sha256').update(plain).digest('hex').slice(0, 16);
const source = `${plain}${MARKER}${key}\n`;
writeFileSync(file, source);

const script = new Script(source, { filename: file });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
const { runPlan } = module.exports;

// The example plan, as `rc orchestrator plan` runs it in examples/repo.
const artifacts = mkdtempSync(join(tmpdir(), 'rc-code-cache-'));
let output = '';
const sink = { write: (chunk) => (output += chunk) };
try {
  const code = await runPlan(
    {
      eventPath: join(root, 'examples/events/issue-comment-orchestrate.json'),
      config: join(root, 'examples/repo/orchestration.yaml'),
      runId: '2026-11-20T09-15-00-0700',
      artifactsDir: artifacts,
    },
    {
      stdout: sink,
      stderr: sink,
      readStdin: async () => null,
      env: {},
      cwd: join(root, 'examples/repo'),
      clock: () => new Date('2026-11-20T16:15:00.000Z'),
      signal: new AbortController().signal,
    },
  );
  if (code !== 0) throw new Error(`the example plan exited ${code}:\n${output}`);
} finally {
  rmSync(artifacts, { recursive: true, force: true });
}
writeFileSync(
  `${file}.cache`,
  Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()]),
);

// Shared helpers: run commands alternately in the same run and compare their median wall times.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/**
 * `--quick` (what `npm test` runs): small sizes and few rounds, only to prove every benchmark
 * still runs and prints its figure. A quick figure is never judged against its target.
 */
export const quick = process.argv.includes('--quick');

/**
 * The environment of every process a benchmark starts. NODE_EXTRA_CA_CERTS is removed: with it
 * set, Node parses the whole certificate bundle at every start (a 220 KB bundle costs ~60 ms),
 * which would measure the machine's configuration rather than rc, and hide rc's own cost in the
 * ratio. Both sides of every comparison get this same environment.
 */
export const benchEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'),
);

/** Median of a list of numbers (the lower middle for an even count). */
export function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Median wall time (ms) of each command, run `rounds` times, interleaved to share machine noise.
 * Quick mode runs 3 rounds after 1 warm-up, whatever is asked.
 */
export function medians(commands, { rounds = 31, warmup = 3, input, cwd } = {}) {
  const measured = quick ? Math.min(rounds, 3) : rounds;
  const warm = quick ? Math.min(warmup, 1) : warmup;
  const samples = commands.map(() => []);
  for (let round = 0; round < warm + measured; round++) {
    commands.forEach(([file, args], index) => {
      const start = performance.now();
      const result = spawnSync(file, args, {
        input,
        cwd,
        env: benchEnv,
        stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
      });
      const elapsed = performance.now() - start;
      if (result.status !== 0) {
        throw new Error(`${file} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      }
      if (round >= warm) samples[index].push(elapsed);
    });
  }
  return { medians: samples.map(median), rounds: measured };
}

/** Prints one result line for humans and one JSON line (prefixed) for bench/run.mjs. */
export function report({ figure, ratio, target, detail, skipped = false }) {
  // A skipped comparison (its baseline is not available here) is printed, never judged.
  const pass = quick || skipped ? null : ratio <= target;
  const verdict = skipped
    ? 'SKIPPED (not judged)'
    : quick
      ? 'ran (quick: not judged)'
      : pass
        ? 'pass'
        : 'MISS';
  console.log(`${figure}: ${ratio.toFixed(2)}x (target <= ${target}) ${verdict} ${detail}`);
  console.log(
    `BENCH ${JSON.stringify({ figure, ratio: Number(ratio.toFixed(3)), target, pass, quick, skipped, detail })}`,
  );
}

/** The built `rc` executable, wherever the CLI's manifest says its `bin` is. */
export const rcBin = fileURLToPath(
  new URL(
    JSON.parse(readFileSync(new URL('../packages/cli/package.json', import.meta.url), 'utf8')).bin
      .rc,
    new URL('../packages/cli/', import.meta.url),
  ),
);

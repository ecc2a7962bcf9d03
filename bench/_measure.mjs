// Shared helpers: run commands alternately in the same run and compare their median wall times.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Median wall time (ms) of each command, run `rounds` times, interleaved to share machine noise. */
export function medians(commands, { rounds = 31, warmup = 3, input } = {}) {
  const samples = commands.map(() => []);
  for (let round = 0; round < warmup + rounds; round++) {
    commands.forEach(([file, args], index) => {
      const start = performance.now();
      const result = spawnSync(file, args, {
        input,
        stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
      });
      const elapsed = performance.now() - start;
      if (result.status !== 0) {
        throw new Error(`${file} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
      }
      if (round >= warmup) samples[index].push(elapsed);
    });
  }
  return samples.map((list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  });
}

/** Prints one result line for humans and one JSON line (prefixed) for bench/run.mjs. */
export function report({ figure, ratio, target, detail }) {
  const pass = ratio <= target;
  console.log(
    `${figure}: ${ratio.toFixed(2)}x (target <= ${target}) ${pass ? 'pass' : 'MISS'} ${detail}`,
  );
  console.log(
    `BENCH ${JSON.stringify({ figure, ratio: Number(ratio.toFixed(3)), target, pass, detail })}`,
  );
}

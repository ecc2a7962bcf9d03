// `npm run bench`: runs every benchmark in bench/ and prints one table of ratios against targets.
// `node bench/run.mjs --quick` (run by `npm test`) runs each one small, only to prove it still
// runs and prints its figure: a quick run fails when a benchmark breaks, never on a ratio.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { quick } from './_measure.mjs';

const dir = fileURLToPath(new URL('.', import.meta.url));
const scripts = readdirSync(dir).filter(
  (name) => name.endsWith('.mjs') && !name.startsWith('_') && name !== 'run.mjs',
);
const rows = [];
for (const script of scripts.sort()) {
  const result = spawnSync(process.execPath, [`${dir}${script}`, ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
  });
  const line = result.stdout.split('\n').find((text) => text.startsWith('BENCH '));
  const row = line === undefined ? undefined : JSON.parse(line.slice('BENCH '.length));
  if (result.status !== 0 || row === undefined || !Number.isFinite(row.ratio)) {
    // The error's own line (not the source excerpt Node prints above it), else the first line.
    const lines = result.stderr.trim().split('\n');
    const why = result.error?.message ?? lines.find((text) => /^\w*Error\b/.test(text)) ?? lines[0];
    rows.push({
      figure: script,
      ratio: NaN,
      target: NaN,
      pass: false,
      failed: true,
      detail: `failed: ${why || (row === undefined ? 'no BENCH line' : 'no ratio')}`,
    });
  } else {
    rows.push(row);
  }
}
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
console.log(
  `NODE_EXTRA_CA_CERTS unset for every process measured${quick ? '; quick mode: small sizes, ratios not judged' : ''}\n`,
);
console.log('| figure | measured ratio | target | result | detail |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
  const result = row.failed
    ? 'FAILED'
    : quick
      ? 'ran'
      : row.skipped
        ? 'skipped'
        : row.pass
          ? 'pass'
          : 'miss';
  console.log(
    `| ${row.figure} | ${Number.isNaN(row.ratio) ? '-' : `${row.ratio.toFixed(2)}x`} | <= ${row.target} | ${result} | ${row.detail} |`,
  );
}
process.exitCode = rows.every((row) => !row.failed && (quick || row.skipped || row.pass)) ? 0 : 1;

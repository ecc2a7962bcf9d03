// `npm run bench`: runs every benchmark in bench/ and prints one table of ratios against targets.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const scripts = readdirSync(dir).filter(
  (name) => name.endsWith('.mjs') && !name.startsWith('_') && name !== 'run.mjs',
);
const rows = [];
for (const script of scripts.sort()) {
  const result = spawnSync(process.execPath, [`${dir}${script}`], { encoding: 'utf8' });
  const line = result.stdout.split('\n').find((text) => text.startsWith('BENCH '));
  if (result.status !== 0 || line === undefined) {
    rows.push({
      figure: script,
      ratio: NaN,
      target: NaN,
      pass: false,
      detail: `failed: ${result.stderr.trim().split('\n')[0]}`,
    });
  } else {
    rows.push(JSON.parse(line.slice('BENCH '.length)));
  }
}
console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}\n`);
console.log('| figure | measured ratio | target | result | detail |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.figure} | ${Number.isNaN(row.ratio) ? '-' : `${row.ratio.toFixed(2)}x`} | <= ${row.target} | ${row.pass ? 'pass' : 'miss'} | ${row.detail} |`,
  );
}
process.exitCode = rows.every((row) => row.pass) ? 0 : 1;

// Start-up of the bundled CLI: median wall time of `rc --version` / that of `node -e 0`, same run.
import { fileURLToPath } from 'node:url';
import { medians, report } from './_measure.mjs';

const rc = fileURLToPath(new URL('../packages/cli/dist/rc.js', import.meta.url));
const [rcMs, nodeMs] = medians([
  [process.execPath, [rc, '--version']],
  [process.execPath, ['-e', '0']],
]);
report({
  figure: 'cli-start (rc --version / node -e 0)',
  ratio: rcMs / nodeMs,
  target: 1.3,
  detail: `rc ${rcMs.toFixed(1)} ms, node ${nodeMs.toFixed(1)} ms, median of 31`,
});

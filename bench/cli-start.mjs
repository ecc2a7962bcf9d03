// Start-up of the bundled CLI: median wall time of `rc --version` / that of `node -e 0`, same run.
import { medians, rcBin, report } from './_measure.mjs';

const {
  medians: [rcMs, nodeMs],
  rounds,
} = medians([
  [process.execPath, [rcBin, '--version']],
  [process.execPath, ['-e', '0']],
]);
report({
  figure: 'cli-start (rc --version / node -e 0)',
  ratio: rcMs / nodeMs,
  target: 1.3,
  detail: `rc ${rcMs.toFixed(1)} ms, node ${nodeMs.toFixed(1)} ms, median of ${rounds}`,
});

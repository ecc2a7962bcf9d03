import { packageTestConfig } from '../../vitest.config.base';
// src/bin.ts and the plan bundle's entry only run as the built binary; test/bin.test.ts drives
// them as a subprocess.
export default packageTestConfig({ coverageExclude: ['src/bin.ts', 'src/plan-entry.ts'] });

import { packageTestConfig } from '../../vitest.config.base';
// src/bin.ts only runs as the built binary; test/bin.test.ts drives it as a subprocess.
export default packageTestConfig({ coverageExclude: ['src/bin.ts'] });

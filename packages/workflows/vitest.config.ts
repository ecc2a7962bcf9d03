import { packageTestConfig } from '../../vitest.config.base';
// src/action/main.ts only runs as the bundled action; test/action.test.ts runs the bundle.
export default packageTestConfig({ coverageExclude: ['src/action/main.ts'], testTimeout: 60_000 });

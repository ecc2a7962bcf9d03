import { packageTestConfig } from '../../vitest.config.base';
// Real git repositories and agent processes: allow for a loaded machine.
export default packageTestConfig({ testTimeout: 120_000 });

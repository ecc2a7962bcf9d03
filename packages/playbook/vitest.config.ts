import { packageTestConfig } from '../../vitest.config.base';
export default packageTestConfig();

import { libraryConfig } from '../../tsup.config.base';
export default libraryConfig({
  entry: { index: 'src/index.ts', playbook: 'src/playbook/index.ts' },
});

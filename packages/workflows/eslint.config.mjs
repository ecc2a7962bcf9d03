import root from '../../eslint.config.mjs';

// action/index.mjs is the generated, committed bundle of the GitHub Action (see README).
export default [...root, { ignores: ['action/'] }];

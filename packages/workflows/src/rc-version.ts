import manifest from '../package.json' with { type: 'json' };

/** This package's version: rc's workflows, action and packages are released together. */
export const RC_VERSION: string = manifest.version;

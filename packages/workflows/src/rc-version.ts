import manifest from '../package.json' with { type: 'json' };

/**
 * The rc version the generated workflows install (`npm install --global @rc/cli@<version>`).
 * Workflows and packages are released together, so the workflows pin the version they ship with.
 */
export const RC_VERSION: string = manifest.version;

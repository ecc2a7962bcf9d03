declare const __RC_VERSION__: string | undefined;

/** The package version, inlined at build time; tests run from source see the dev marker. */
export const VERSION: string = typeof __RC_VERSION__ === 'string' ? __RC_VERSION__ : '0.0.0-dev';

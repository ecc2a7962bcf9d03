import en from 'zod/v4/locales/en.js';

// zod/mini loads no locale, and a library must not set zod's global config, so every parse in
// this package passes English messages itself. Importing the one file keeps other locales out.
export const englishErrors = en().localeError;

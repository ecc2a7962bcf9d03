// Writes schema.json from the built package, so the shipped JSON Schema follows the zod schema.
import { writeFileSync } from 'node:fs';
import { canonicalJson, orchestrationConfigJsonSchema } from '../dist/index.js';

writeFileSync(
  new URL('../schema.json', import.meta.url),
  canonicalJson(orchestrationConfigJsonSchema()),
);
console.log('wrote schema.json');

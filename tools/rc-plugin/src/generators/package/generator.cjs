'use strict';

const path = require('node:path');
const { formatFiles, generateFiles, getProjects, logger } = require('@nx/devkit');

/** The layers of DESIGN.md, lowest first; each becomes the `layer:<layer>` tag. */
const LAYERS = Object.freeze(['core', 'adapter', 'domain', 'app']);

// Kebab-case proper: no leading digit, no trailing or doubled hyphen, so `@rc/<name>` is a clean npm name.
const NAME_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Checks the options and fills in defaults; throws an Error naming the bad option.
 * @param {import('@nx/devkit').Tree} tree
 * @param {{ name?: unknown, layer?: unknown, description?: unknown, skipFormat?: boolean }} options
 */
function normalizeOptions(tree, options) {
  const { name, layer, description } = options;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new Error(
      `Invalid package name ${JSON.stringify(name)}: use kebab-case, a lowercase letter first, then lowercase letters, digits and single hyphens (e.g. "my-package").`,
    );
  }
  if (typeof layer !== 'string' || !LAYERS.includes(layer)) {
    throw new Error(
      `Invalid layer ${JSON.stringify(layer)} for package "${name}": use one of ${LAYERS.join(', ')}.`,
    );
  }
  const projectRoot = `packages/${name}`;
  if (tree.exists(projectRoot)) {
    throw new Error(`Cannot create package "${name}": ${projectRoot} already exists.`);
  }
  const existing = getProjects(tree).get(name);
  if (existing) {
    throw new Error(
      `Cannot create package "${name}": an Nx project with that name already exists at ${existing.root}.`,
    );
  }
  if (description !== undefined && typeof description !== 'string') {
    throw new Error(`Invalid description for package "${name}": expected a string.`);
  }
  const oneLine = (description ?? '').replace(/\s+/g, ' ').trim();
  return {
    name,
    layer,
    projectRoot,
    description: oneLine || `The ${name} package of rc (layer:${layer}).`,
    skipFormat: options.skipFormat === true,
  };
}

/**
 * Scaffolds `packages/<name>` the way every rc package starts.
 * @param {import('@nx/devkit').Tree} tree
 * @param {{ name: string, layer: 'core' | 'adapter' | 'domain' | 'app', description?: string, skipFormat?: boolean }} options
 */
async function packageGenerator(tree, options) {
  const normalized = normalizeOptions(tree, options);
  generateFiles(tree, path.join(__dirname, 'files'), normalized.projectRoot, {
    name: normalized.name,
    layer: normalized.layer,
    description: normalized.description,
    tmpl: '',
  });
  // Every package carries the licence in its folder, so npm puts it in the tarball.
  const license = tree.read('LICENSE');
  if (license !== null) tree.write(path.join(normalized.projectRoot, 'LICENSE'), license);
  if (!normalized.skipFormat) {
    await formatFiles(tree);
  }
  // The workspace symlink node_modules/@rc/<name> only appears after an install. Nothing is
  // seeded in src/ beyond the empty index: the first export and its test are the author's.
  return () => {
    logger.info(
      `Created ${normalized.projectRoot}. Run "npm install" to link @rc/${normalized.name}, then ` +
        `add its first export (listed in src/index.ts) with a test: until then its test target ` +
        `finds no tests and fails.`,
    );
  };
}

module.exports = packageGenerator;
module.exports.default = packageGenerator;
module.exports.packageGenerator = packageGenerator;
module.exports.normalizeOptions = normalizeOptions;
module.exports.LAYERS = LAYERS;

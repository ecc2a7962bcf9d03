/** Identifies this package and its layer, e.g. in logs and error reports. */
export interface PackageInfo {
  /** The npm name, `@rc/exec`. */
  readonly name: string;
  /** The layer tag from DESIGN.md that bounds what this package may import. */
  readonly layer: 'core' | 'adapter' | 'domain' | 'app';
}

/** This package's identity; replace with the first real export when the package grows. */
export const packageInfo: PackageInfo = Object.freeze({
  name: '@rc/exec',
  layer: 'adapter',
});

export { packageInfo } from './package-info';
export type { PackageInfo } from './package-info';

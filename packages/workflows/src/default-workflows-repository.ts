/**
 * The repository rc's own reusable workflows name as the default `rc-repository`: the one this
 * package is published from (its `repository` field). Adopters' files always name theirs.
 */
export const DEFAULT_WORKFLOWS_REPOSITORY = 'rc-project/rc';

/** The modes of `rc promote`. `release` lifts the hold a rollback leaves on a stage. */
export const PROMOTION_MODES = ['dry_run', 'apply', 'rollback', 'release'] as const;
export type PromotionMode = (typeof PROMOTION_MODES)[number];

// The first word of an intent, when it is one of these, says which mode the person meant.
const KEYWORDS: Readonly<Record<string, PromotionMode>> = {
  promote: 'apply',
  apply: 'apply',
  rollback: 'rollback',
  revert: 'rollback',
  release: 'release',
  preview: 'dry_run',
  dry_run: 'dry_run',
  'dry-run': 'dry_run',
};

/** The mode an intent's first word names (`"rollback: error spike"` -> `rollback`), or null. */
export function intentMode(intent: string | null): PromotionMode | null {
  const word = /^\s*([A-Za-z_-]+)/.exec(intent ?? '')?.[1]?.toLowerCase();
  return word === undefined ? null : (KEYWORDS[word] ?? null);
}

/**
 * Why the intent contradicts the mode, or null when it does not. A dry run previews any intent;
 * every other mode must not be run with an intent that names a different one.
 */
export function intentConflict(mode: PromotionMode, intent: string | null): string | null {
  const meant = intentMode(intent);
  if (mode === 'dry_run' || meant === null || meant === mode) return null;
  return `intent ${JSON.stringify(intent)} asks for ${meant}, not ${mode}`;
}

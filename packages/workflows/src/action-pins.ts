/** A third-party action pinned to a full commit SHA, with the tag it was taken from. */
export interface ActionPin {
  /** `owner/repo` of the action. */
  readonly action: string;
  /** The full 40-character commit SHA the workflows use. */
  readonly sha: string;
  /** The release tag that SHA belongs to, kept as a comment beside the pin. */
  readonly version: string;
}

/**
 * Every action rc's workflows use, pinned by commit: a tag can be moved to other code, a commit
 * cannot. Bump deliberately (check the tag's commit on GitHub), then regenerate the workflows.
 */
export const ACTION_PINS = Object.freeze({
  checkout: pin('actions/checkout', '11bd71901bbe5b1630ceea73d27597364c9af683', 'v4.2.2'),
  setupNode: pin('actions/setup-node', '49933ea5288caeca8642d1e84afbd3f7d6820020', 'v4.4.0'),
  uploadArtifact: pin(
    'actions/upload-artifact',
    'ea165f8d65b6e75b540449e92b4886f43607fa02',
    'v4.6.2',
  ),
  downloadArtifact: pin(
    'actions/download-artifact',
    'd3f86a106a0bac45b974a628896c90dbdf5c8093',
    'v4.3.0',
  ),
});

/** The `uses:` value for a pin, with its tag as a trailing comment: `owner/repo@sha # vX`. */
export function pinnedUses(actionPin: ActionPin): string {
  return `${actionPin.action}@${actionPin.sha} # ${actionPin.version}`;
}

function pin(action: string, sha: string, version: string): ActionPin {
  return Object.freeze({ action, sha, version });
}

import * as z from 'zod/mini';
import { fail, ok, type Result } from '@rc/orchestrator-core';

/** A version to promote, optionally pinned to an artifact digest. */
export interface Candidate {
  /** The version label, e.g. `1.4.0`. */
  readonly version: string;
  /** The artifact digest, e.g. `sha256:ab12...`, or null when none was given. */
  readonly digest: string | null;
}

/** A candidate as recorded in state, results and journals. */
export const CandidateSchema = z.strictObject({
  version: z.string().check(z.minLength(1)),
  digest: z.nullable(z.string()),
});

const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
const DIGEST = /^[a-z0-9]+:[A-Fa-f0-9]{8,128}$/;

/** Parses `VERSION` or `VERSION@DIGEST` (`1.4.0@sha256:ab12...`). Never throws. */
export function parseCandidate(text: string): Result<Candidate> {
  const at = text.indexOf('@');
  const version = at === -1 ? text : text.slice(0, at);
  const digest = at === -1 ? null : text.slice(at + 1);
  if (!VERSION.test(version)) {
    return fail(`candidate: ${JSON.stringify(text)} does not start with a version like 1.4.0`);
  }
  if (digest !== null && !DIGEST.test(digest)) {
    return fail(`candidate: digest ${JSON.stringify(digest)} is not like sha256:<hex>`);
  }
  return ok({ version, digest });
}

/** `1.4.0` or `1.4.0@sha256:...`, the form {@link parseCandidate} reads. */
export function formatCandidate(candidate: Candidate): string {
  return candidate.digest === null ? candidate.version : `${candidate.version}@${candidate.digest}`;
}

/**
 * True when both name the same artifact: same version, and same digest whenever both carry one.
 * A digest on one side only still matches, because a version alone cannot contradict it.
 */
export function sameCandidate(a: Candidate, b: Candidate): boolean {
  if (a.version !== b.version) return false;
  return a.digest === null || b.digest === null || a.digest === b.digest;
}

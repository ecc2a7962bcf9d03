/** What an artifact write did. */
export interface ArtifactWriteResult {
  /** `<dir>/<run-id>/<file>`, joined onto `dir` as given. */
  path: string;
  /** False when the file already held exactly these bytes. */
  written: boolean;
}

/** One run of the applier command, as rc asks for it. */
export interface ApplierRequest {
  /** The executable (first word of the rendered template). */
  readonly command: string;
  /** Its arguments in the documented order. */
  readonly args: readonly string[];
  /** The complete environment of the child: nothing else is inherited. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly timeoutMs: number;
  /**
   * The transcript: stdout and stderr are appended as they arrive (after the header rc wrote),
   * so a crash mid-apply still leaves what the applier printed.
   */
  readonly logFile: string;
  /** Aborting stops the applier's process tree; its outcome is then unknown. */
  readonly signal?: AbortSignal;
}

/** How the applier ended. */
export interface ApplierOutcome {
  /** The exit code, or null when it was killed by a signal, timed out or could not start. */
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly interrupted: boolean;
  /** Set when the executable could not be started at all (nothing was applied). */
  readonly spawnError: string | null;
}

/**
 * The port through which rollout runs the applier. rc's default is
 * {@link createExecApplierRunner} (`@rc/exec`'s runCommand); tests may pass their own.
 */
export interface ApplierRunner {
  run(request: ApplierRequest): Promise<ApplierOutcome>;
}

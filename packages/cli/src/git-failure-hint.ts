interface GitFailureRule {
  /** Matched against git's stderr (or an error message quoting it), case-insensitively. */
  pattern: RegExp;
  /** What to do, from the match and the directory rc ran in. */
  hint: (match: RegExpExecArray, cwd: string) => string;
}

// The git failures a first hour with rc meets, each told as what to do. Order matters: the first
// rule that matches wins (a push to a missing remote says both "does not appear" and "could not
// read", and the remote is the thing to fix).
const RULES: readonly GitFailureRule[] = [
  {
    pattern: /not a git repository/i,
    hint: (_, cwd) =>
      `${cwd} is not a git repository; run rc inside your repository, or create one here (git init -b main)`,
  },
  {
    pattern:
      /ambiguous argument 'HEAD'|does not have any commits yet|bad default revision 'HEAD'|Needed a single revision|(?:not a valid|invalid) object name:? '?HEAD|Squash commit into empty head/i,
    hint: () =>
      'the repository has no commit yet; make a first commit (git commit --allow-empty -m init)',
  },
  {
    pattern: /detected dubious ownership in repository at '([^']+)'/i,
    hint: (match) =>
      `git refuses ${match[1]}: another user owns it; if you trust it, run git config --global --add safe.directory ${match[1]}`,
  },
  {
    pattern: /Please tell me who you are|Author identity unknown|empty ident name/i,
    hint: () =>
      'git does not know who you are; set git config user.name "Your Name" and git config user.email you@example.com',
  },
  {
    pattern: /'([^']+)' does not appear to be a git repository/i,
    hint: (match) =>
      `the git remote "${match[1]}" is missing or unreachable; add it (git remote add ${match[1]} <url>), or set loop.sync.remote`,
  },
  {
    pattern: /couldn't find remote ref ([^\s|]+)/i,
    hint: (match) =>
      `the remote has no branch "${match[1]}" yet; push one (git push -u origin HEAD:${match[1]}), or set loop.sync.branch`,
  },
  {
    pattern:
      /Authentication failed|Permission denied \(publickey|could not read Username|Could not read from remote repository/i,
    hint: () =>
      'git could not authenticate to the remote; check its URL (git remote -v) and your credentials (a token with contents: write in CI)',
  },
  {
    pattern: /Unable to create '([^']+\.lock)': File exists/i,
    hint: (match) =>
      `another git command holds ${match[1]}; wait for it, or remove the file if no git is running`,
  },
];

/**
 * What to do about a failed git command, from its stderr (or a message quoting it), or null when
 * it is not one rc knows. Pure: the one place where raw git errors become advice.
 */
export function gitFailureHint(text: string, cwd: string): string | null {
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match !== null) return rule.hint(match, cwd);
  }
  return null;
}

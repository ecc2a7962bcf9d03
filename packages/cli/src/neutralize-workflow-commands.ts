// The Actions runner reads workflow commands from stdout and stderr alike: `::name::` at the
// start of a line, and the legacy `##[name]` anywhere in one (actions/runner ActionCommand).
const LEGACY = /##\[/g;
const LINE_START = /^(\s*):(?=:)/gm;

/**
 * `text` with nothing the Actions runner would take as a workflow command, so text rc echoes
 * from a comment (an error naming a bad argument, say) cannot set an output, add a mask or stop
 * command processing. JSON keeps its value: inside a string `[` becomes `\u005b`, and no JSON
 * line can start with `::`. Plain text gets a visible backslash instead.
 */
export function neutralizeWorkflowCommands(text: string): string {
  const json = /^\s*[[{]/.test(text);
  return text
    .replace(LEGACY, json ? '##\\u005b' : '##\\[')
    .replace(LINE_START, (_match, indent: string) => `${indent}:\\`);
}

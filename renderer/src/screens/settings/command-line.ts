// A command's argv as the settings form edits it. On one line, arguments are separated by spaces;
// when an argument itself contains a space, write one argument per line instead. No quoting rules
// to learn or to get wrong, and every argv round-trips exactly.

/** argv → text: one line when no argument has whitespace, else one argument per line. */
export function formatCommand(argv: readonly string[]): string {
  return argv.some((arg) => /\s/.test(arg)) ? argv.join('\n') : argv.join(' ');
}

/** text → argv: one argument per non-empty line when there are several lines, else split on spaces. */
export function parseCommand(text: string): string[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length > 1) return lines.map((line) => line.trim());
  return (lines[0] ?? '').split(/\s+/).filter((arg) => arg !== '');
}

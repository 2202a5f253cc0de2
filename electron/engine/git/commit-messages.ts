// The commit messages Sentinel writes. Pure, so the wording is tested without git.

/** `Performance OK: iteration N`, a blank line, then one line per module (none: title only). */
export function okCommitMessage(iteration: number, lines: readonly string[]): string {
  const title = `Performance OK: iteration ${iteration}`;
  // One line per module: a stray line break would make a module's line look like two.
  const body = lines.map((line) => line.replace(/\s*[\r\n]+\s*/g, ' ').trimEnd());
  return body.length === 0 ? title : `${title}\n\n${body.join('\n')}`;
}

/** `Anomaly recovered: <module> - <metric>`. */
export function recoveryCommitMessage(module: string, metric: string): string {
  return `Anomaly recovered: ${module} - ${metric}`;
}

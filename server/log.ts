/**
 * The server's log: lines for operators. It never receives answer content: callers pass ids, codes and counts only,
 * and errors are reduced to their name and code before they reach it (see describeError).
 */
export type Log = (line: string) => void;

export const consoleLog: Log = (line) => console.log(`${new Date().toISOString()} ${line}`);

/** An error as the log shows it: its kind, never its message, which could quote data. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${error.name} (${code})` : error.name;
  }
  return typeof error;
}

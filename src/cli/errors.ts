/** Exit codes and the error that carries one (its message is shown to the user as is). */
export const EXIT = {
  ok: 0,
  /** Wrong command line: unknown option, missing file argument, unknown profile. */
  usage: 1,
  /** Unreadable file or unusable table: nothing written. */
  input: 2,
  /** Target cells hold someone else's values: nothing written (use --overwrite). */
  conflict: 3,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

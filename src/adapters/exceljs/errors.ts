/** A readable failure with a Vietnamese message (the CLI prints it as is). */
export class WorkbookError extends Error {}

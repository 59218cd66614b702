/** What every file command does with its command line: --help, the one input file, the output file. */
import * as path from "node:path";
import { CliError, EXIT, type CliIO } from "./errors";
import { besideInput } from "./paths";

/** The one input file of a command, or null when --help was asked for (the usage is printed). */
export function singleInput(parsed: { values: { help?: boolean }; positionals: string[] }, usage: string, io: CliIO): string | null {
  if (parsed.values.help) {
    io.stdout(`${usage}\n`);
    return null;
  }
  if (parsed.positionals.length !== 1) throw new CliError(`Cần đúng một tệp đầu vào.\n${usage}`, EXIT.usage);
  return parsed.positionals[0];
}

/** The .xlsx file a command writes: --out, or the input's name plus `suffix`, beside it. */
export function outputFile(out: string | undefined, input: string, suffix: string): string {
  const file = out ?? besideInput(input, suffix);
  if (path.extname(file).toLowerCase() !== ".xlsx") throw new CliError(`Tệp kết quả phải có đuôi .xlsx: "${file}".`, EXIT.usage);
  return file;
}

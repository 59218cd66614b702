/**
 * chiso766 command line: `score`, `undo`, `profiles`. Each command is a function of its
 * arguments and an output sink, so tests call `main` directly and capture what it prints.
 */
import { version } from "../../package.json";
import { CliError, EXIT, processIO, type CliIO } from "./errors";
import { profilesCommand } from "./profiles";
import { scoreCommand } from "./score";
import { undoCommand } from "./undo";

type Command = (args: string[], io: CliIO) => Promise<number>;

/** Subcommands; a new one (e.g. `report`) is one more entry here. */
export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  score: { run: scoreCommand, summary: "chấm điểm, xếp loại, xếp hạng một bảng .xlsx hoặc .csv" },
  undo: { run: undoCommand, summary: "hoàn tác lần chấm điểm gần nhất trong tệp .xlsx" },
  profiles: { run: profilesCommand, summary: "liệt kê các phương pháp chấm điểm có sẵn" },
};

/** The `profiles` actions, listed under it in the usage. */
const PROFILES_ACTIONS = [
  ["profiles show MÃ", "in một phương pháp dạng JSON (để sao ra tệp và sửa)"],
  ["profiles check TỆP", "kiểm tra một tệp phương pháp (.json hoặc .xlsx), chỉ rõ từng lỗi"],
  ["profiles sheet MÃ|TỆP", "ghi phương pháp thành một trang Excel để sửa"],
];

export const USAGE = `chiso766 — chấm điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)

Cách dùng: chiso766 <lệnh> [tham số]
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join("\n")}
${PROFILES_ACTIONS.map(([name, summary]) => `    ${name.padEnd(22)} ${summary}`).join("\n")}

Xem tham số của một lệnh: chiso766 <lệnh> --help
Phiên bản: chiso766 --version`;

/** The package's version, the one `npm pack` names the tarball after. */
export const VERSION = version;

/** Vietnamese text for node's parseArgs errors (unknown option, missing value). */
function argsMessage(e: Error & { code?: string }): string | null {
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const m = /'([^']+)'/.exec(e.message);
    return `Tham số không hợp lệ: ${m ? m[1] : e.message}`;
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const m = /'([^']+)'/.exec(e.message);
    // Node names the option with an English placeholder ("--level <value>").
    return `Tham số ${m ? m[1].replace(/\s*<[^>]*>$/, "") : ""} cần một giá trị.`.replace("  ", " ");
  }
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `Thừa đối số: ${e.message}`;
  return null;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Không có lệnh "${name}".\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  // exceljs warns in English on the console (a sheet name over 31 characters); the command itself says what matters.
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    const message = argsMessage(e as Error & { code?: string });
    if (message) {
      io.stderr(`${message}\nXem: chiso766 ${name} --help\n`);
      return EXIT.usage;
    }
    io.stderr(`Lỗi không mong đợi: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  } finally {
    console.warn = warn;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 70;
    },
  );
}

/** The file at --out: a workbook that is neither the input nor the tool's own output is never replaced unasked. */
import { promises as fs } from "node:fs";
import { isToolWorkbook } from "../adapters/exceljs";
import { CliError, EXIT } from "./errors";
import { samePath } from "./paths";

/** The flag that lets a command replace an unrelated file at its output path. */
export const REPLACE_FILE_FLAG = "--ghi-de-tep";

export const REPLACE_FILE_HELP = `  ${REPLACE_FILE_FLAG}       thay cả tệp kết quả đã có không do chiso766 ghi (mặc định: dừng, không ghi gì)`;

async function isFile(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Refuses (exit 2, nothing written) when `out` already exists and is neither the input itself nor
 * a workbook chiso766 wrote, unless the user allowed it with --ghi-de-tep.
 */
export async function guardExistingOutput(out: string, input: string, allowReplace: boolean, advice?: string): Promise<void> {
  if (allowReplace || samePath(out, input) || !(await isFile(out))) return;
  if (await isToolWorkbook(out)) return;
  throw new CliError(
    `Tệp "${out}" đã có và không phải tệp kết quả của chiso766: không ghi đè, không ghi tệp nào.\n` +
      (advice ?? `Chọn tên khác với --out, hoặc thêm ${REPLACE_FILE_FLAG} nếu muốn thay tệp đó.`),
    EXIT.input,
  );
}

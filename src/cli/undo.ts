/** `chiso766 undo`: put back every cell the last scoring run changed. */
import { parseArgs } from "node:util";
import { applyPlan, gridFromWorksheet, loadWorkbook, readState, saveWorkbook, WorkbookError, writeState } from "../adapters/exceljs";
import { planUndo, stateAfterUndo } from "../plan";
import { CliError, EXIT, type CliIO } from "./errors";
import { outputFile, singleInput } from "./command";
import { conflictLines } from "./summary";
import { guardExistingOutput, REPLACE_FILE_HELP } from "./existing-output";
import { formatViDateTime, formatViNumber } from "../report/format";
import { sheetsToRemove } from "../adapters/exceljs/added-sheets";

/** 'trang "Phụ lục xếp loại"' or 'các trang "A", "B"'. */
function sheetNames(sheets: { name: string }[]): string {
  return `${sheets.length > 1 ? "các trang" : "trang"} ${sheets.map((s) => `"${s.name}"`).join(", ")}`;
}

export const UNDO_USAGE = `Cách dùng: chiso766 undo <tệp.xlsx> [--out KẾT_QUẢ.xlsx] [--overwrite] [--ghi-de-tep]

  Trả lại giá trị, định dạng số và gạch chân của mọi ô mà lần chấm điểm gần nhất đã ghi, và xóa
  các trang lần chấm đó thêm vào (phụ lục, nhận xét, phiếu điểm) nếu chưa bị sửa.
  --out TỆP.xlsx     nơi ghi (mặc định: <tên tệp>-hoan-tac.xlsx cạnh tệp vào)
  --overwrite        hoàn tác cả những ô đã bị sửa tay sau lần chấm
${REPLACE_FILE_HELP}`;

export const UNDO_OPTIONS = {
  out: { type: "string" },
  overwrite: { type: "boolean", default: false },
  "ghi-de-tep": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

export async function undoCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs({ args, options: UNDO_OPTIONS, allowPositionals: true, strict: true });
  const input = singleInput(parsed, UNDO_USAGE, io);
  if (input === null) return EXIT.ok;
  const { values } = parsed;
  const out = outputFile(values.out, input, "-hoan-tac");
  await guardExistingOutput(out, input, values["ghi-de-tep"]);

  let loaded;
  try {
    loaded = await loadWorkbook(input);
  } catch (e) {
    if (e instanceof WorkbookError) throw new CliError(`${e.message}\nKhông ghi tệp nào.`, EXIT.input);
    throw e;
  }
  const { workbook } = loaded;
  for (const note of loaded.notes) io.stderr(`Chú ý: ${note}\n`);
  const stored = readState(workbook);
  if (stored.issue) throw new CliError(`${stored.issue.message}\nKhông ghi tệp nào.`, EXIT.input);
  const state = stored.state;
  if (!state?.lastRun) throw new CliError(`"${input}" không có lần chấm điểm nào của chiso766 để hoàn tác.\nKhông ghi tệp nào.`, EXIT.input);
  const ws = workbook.getWorksheet(state.lastRun.sheet);
  if (!ws) throw new CliError(`Tệp "${input}" không còn trang tính "${state.lastRun.sheet}" của lần chấm trước nên không hoàn tác được.\nKhông ghi tệp nào.`, EXIT.input);
  const plan = planUndo(state, gridFromWorksheet(ws));
  if (plan.conflicts.length > 0 && !values.overwrite) {
    throw new CliError(
      `${formatViNumber(plan.conflicts.length)} ô đã bị sửa sau lần chấm:\n${conflictLines(plan.sheet, plan.conflicts)}\nKhông ghi tệp nào. Chạy lại với --overwrite để vẫn hoàn tác.`,
      EXIT.conflict,
    );
  }
  // The sheets the run added go too; one edited since is the user's unless --overwrite.
  const sheets = sheetsToRemove(workbook, state.lastRun.sheets ?? []);
  if (sheets.edited.length > 0 && !values.overwrite) {
    throw new CliError(
      `${sheetNames(sheets.edited)} do lần chấm thêm vào đã bị sửa sau lần chấm: không xóa.\nKhông ghi tệp nào. Chạy lại với --overwrite để vẫn hoàn tác (xóa cả ${sheets.edited.length > 1 ? "các trang" : "trang"} đó).`,
      EXIT.conflict,
    );
  }
  const removed = [...sheets.same, ...sheets.edited];
  applyPlan(workbook, plan);
  for (const ws of removed) workbook.removeWorksheet(ws.id);
  writeState(workbook, stateAfterUndo(state));
  await saveWorkbook(workbook, out);
  const sheetLine = removed.length > 0 ? `Đã xóa ${sheetNames(removed)} do lần chấm đó thêm vào.\n` : "";
  io.stdout(`Đã hoàn tác ${formatViNumber(plan.previous.length)} ô của lần chấm lúc ${formatViDateTime(state.lastRun.at)} trên trang "${plan.sheet}".\n${sheetLine}Đã ghi vào: ${out}\n`);
  return EXIT.ok;
}

/** `chiso766 score`: read a table, score it, write the scored workbook, print a summary. */
import type ExcelJS from "exceljs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { BUILTIN_PROFILES } from "../profiles";
import { applyPlan, gridFromWorksheet, loadWorkbook, pickSheet, readState, saveWorkbook, userSheets, WorkbookError, writeState } from "../adapters/exceljs";
import type { SourceIdentity, WorkbookState } from "../model/plan";
import { cellsChanged, mappingOf, nothingToWriteText, stateAfterWrite } from "../plan";
import { formatViDateTime } from "../report/format";
import { runScoring, whyNoTable, type RunOptions, type RunResult } from "../pipeline";
import { CliError, EXIT, type CliIO } from "./errors";
import { outputFile, singleInput } from "./command";
import { samePath } from "./paths";
import { addReport, addScorecards, scorePreviousFile, writeChartFiles, type CliReport } from "../adapters/exceljs/appendix";
import { comparisonLine, conflictLines, fileWording, jsonDocument, MAX_UNIT_LINES, planLines, problemLine, profileLine, unitsTable } from "./summary";
import { formatViNumber } from "../report/format";
import type { LevelOverrides } from "../reader";
import type { ColumnMapping } from "../model/table";
import { portalRankingNote } from "../reader/portal";
import { checkMappingFields, readMapping } from "./mapping";
import { LEVEL_HELP, levelChoiceWords, levelsFromOptions, refuseUnmatchedLevels, mergeLevels, rankingFromOption, rankingWords } from "./choices";
import { periodIn, titleInputs, type TitleInputs } from "../report/title";
import { compareResults } from "../report/compare";
import { buildGroupMessage } from "../report/message";
import { ProfileError, sameMethod, type Profile } from "../model/profile";
import { methodFromSheet, profileOption } from "./method-file";
import { methodSheetOf } from "../adapters/exceljs/method-sheet";
import { addedSheets } from "../adapters/exceljs/added-sheets";
import { guardExistingOutput, guardSameSource, REPLACE_FILE_HELP, sourceIdentity } from "./existing-output";
import { quoteSheet, rowsText, type Grid } from "../model/grid";
import { unrestorableFormulas } from "../plan/formula-check";
import { unitCountText } from "../model/unit-count";
import { problemsOf } from "../model/problems";

export const SCORE_USAGE = `Cách dùng: chiso766 score <tệp.xlsx|tệp.csv> [--sheet TÊN] [--profile MÃ] [--mapping ÁNH_XẠ.json] [--out KẾT_QUẢ.xlsx] [--json] [--overwrite] [--ghi-de-tep]

  --sheet TÊN        trang tính chứa bảng (mặc định: trang tính đầu tiên đang hiện)
  --profile MÃ|TỆP   phương pháp chấm điểm: mã có sẵn (xem: chiso766 profiles) hoặc tệp .json của
                     mình (xem: chiso766 profiles show qd766); mặc định chọn theo tiêu đề cột
  --mapping TỆP      ánh xạ cột JSON, ví dụ {"B": "name", "D": "2.1.denominator", "H": null}
  --out TỆP.xlsx     nơi ghi kết quả (mặc định: <tên tệp>-cham-diem.xlsx cạnh tệp vào)
  --json             chỉ in một tài liệu JSON kết quả, không ghi tệp nào (trừ khi có --out)
  --overwrite        ghi đè cả những ô đang có nội dung không do chiso766 ghi
${REPLACE_FILE_HELP}
  --report           in báo cáo; ghi trang "Phụ lục xếp loại" (kèm báo cáo) vào tệp kết quả và biểu đồ
                     <kết quả>.tong-diem.svg, <kết quả>.xep-loai.svg cạnh tệp kết quả
  --previous TỆP     bảng (hoặc tệp đã chấm) kỳ trước: so sánh điểm, hạng (lập luôn phụ lục như --report)
${LEVEL_HELP}
  --title "…"        tiêu đề phụ lục (mặc định: các dòng tiêu đề phía trên bảng; "\\n" để xuống dòng)
  --period "…"       kỳ báo cáo, ví dụ "THÁNG 9 NĂM 2023" (mặc định: dòng kỳ phía trên bảng)
  --message          chỉ in tin nhắn gửi nhóm (Zalo): kỳ, ngày chốt, đơn vị dưới 50% và 50–70% điểm tối đa,
                     giảm/tăng nhiều; chỉ in ra để sao chép, không gửi đi đâu
  --phieu-diem       thêm trang "Phiếu điểm": mỗi đơn vị một trang A4 (nhóm chỉ số so với tối đa, chỉ số
                     dưới ngưỡng, hạng và thay đổi so với kỳ trước, năm việc cần ưu tiên)
  --cutoff "…"       ngày chốt số liệu, ví dụ "Ngày 06/5/2024" (mặc định: dòng "Thời gian chốt số liệu")`;

/** Options of `score`; later flags (--report, --previous) are added here and read in scoreCommand. */
export const SCORE_OPTIONS = {
  sheet: { type: "string" },
  profile: { type: "string" },
  mapping: { type: "string" },
  out: { type: "string" },
  json: { type: "boolean", default: false },
  overwrite: { type: "boolean", default: false },
  report: { type: "boolean", default: false },
  previous: { type: "string" },
  level: { type: "string", multiple: true },
  "xep-hang": { type: "string" },
  title: { type: "string" },
  period: { type: "string" },
  cutoff: { type: "string" },
  message: { type: "boolean", default: false },
  "phieu-diem": { type: "boolean", default: false },
  "ghi-de-tep": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Beyond this the summary stops listing problems (the JSON has them all). */
const MAX_PROBLEM_LINES = 40;

export async function scoreCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs({ args, options: SCORE_OPTIONS, allowPositionals: true, strict: true });
  const input = singleInput(parsed, SCORE_USAGE, io);
  if (input === null) return EXIT.ok;
  const { values } = parsed;
  const json = values.json;
  // --json only prints, as README promises; an explicit --out asks for the workbook too.
  const writes = !json || values.out !== undefined;

  const chosen = values.profile !== undefined ? await profileOption(values.profile) : undefined;
  const out = outputFile(values.out, input, "-cham-diem");
  if (values.out === undefined && samePath(out, input)) throw new CliError(`Tệp kết quả trùng tệp vào; hãy chỉ rõ --out.`, EXIT.usage);
  const earlier = writes ? await guardExistingOutput(out, input, values["ghi-de-tep"]) : null;
  const mapped = values.mapping !== undefined ? await readMapping(values.mapping) : undefined;
  const profiles = chosen?.profiles ?? BUILTIN_PROFILES;
  if (mapped && values.mapping !== undefined) checkMappingFields(mapped.mapping, chosen ? [chosen.profile] : profiles, values.mapping);
  const mapping = mapped && Object.keys(mapped.mapping).length > 0 ? mapped.mapping : undefined;
  const levels = mergeLevels(mapped?.levels, levelsFromOptions(values.level));
  const rankingOption = values["xep-hang"];
  const ranking = rankingFromOption(rankingOption);

  const scoredBook = await scoreWorkbook(input, out, {
    sheet: values.sheet,
    profileId: chosen?.profile.id,
    profiles,
    mapping,
    levels,
    ranking,
    // Cells that would be overwritten matter only to a run that writes.
    overwrite: values.overwrite || !writes,
    json,
    report: values.report,
    previous: values.previous,
    titles: titleOptions(values),
    message: values.message,
    scorecards: values["phieu-diem"],
    outGiven: values.out !== undefined,
  });
  await guardSameSource(out, earlier, scoredBook.source);
  // On stderr, before anything is written: --json keeps stdout one JSON document.
  for (const note of scoredBook.notes) io.stderr(`Chú ý: ${note}\n`);
  if (scoredBook.save && scoredBook.charts > 0 && samePath(out, input)) {
    throw new CliError(`Ghi đè "${input}" sẽ làm mất ${scoredBook.charts} biểu đồ của tệp. Hãy ghi kết quả ra tệp khác (--out TỆP.xlsx). Không ghi tệp nào.`, EXIT.input);
  }
  try {
    if (writes && scoredBook.save) await saveWorkbook(scoredBook.workbook, out);
    if (writes && scoredBook.report) scoredBook.report.files = await writeChartFiles(out, scoredBook.report.svg);
  } catch (e) {
    throw new CliError((e as Error).message, EXIT.input);
  }
  const { report } = scoredBook;
  if (scoredBook.message !== null) {
    io.stdout(`${scoredBook.message}\n`);
    return EXIT.ok;
  }
  if (json || !report) {
    io.stdout(scoredBook.text);
    return EXIT.ok;
  }
  const compared = report.comparison ? `\n${comparisonLine(report.comparison)}` : "";
  io.stdout(`${scoredBook.text.slice(0, -1)}${compared}\nĐã ghi trang "${report.sheetName}"${report.notesSheetName ? `, trang "${report.notesSheetName}"` : ""} và biểu đồ: ${report.files?.join(", ") ?? ""}\n\n${report.narrative.text}\n`);
  return EXIT.ok;
}

/** Units whose level the table leaves unknown (while others have one) or only guesses, as the pane shows them. */
function levelFindingLines(run: RunResult): string[] {
  const findings = run.read.levels;
  if (!findings) return [];
  const units = run.scored.units.filter((u) => !u.aggregate).length;
  const names = (list: string[]) => `${list.slice(0, 5).join("; ")}${list.length > 5 ? `; … và ${formatViNumber(list.length - 5)} đơn vị khác` : ""}`;
  const lines: string[] = [];
  if (findings.missing.length > 0 && findings.missing.length < units) {
    lines.push(`Chưa rõ cấp của ${formatViNumber(findings.missing.length)} đơn vị (${names(findings.missing)}): các đơn vị này được xếp hạng riêng; đặt cấp bằng --level.`);
  }
  if (findings.unsure.length > 0) lines.push(`Cấp của ${formatViNumber(findings.unsure.length)} đơn vị là phỏng đoán (${names(findings.unsure)}); kiểm tra cột Cấp, hoặc đặt cấp bằng --level.`);
  return lines;
}

/** Title lines, period and cut-off date given on the command line ("\\n" in --title starts a new line). */
function titleOptions(values: { title?: string; period?: string; cutoff?: string }): Partial<TitleInputs> {
  const out: Partial<TitleInputs> = {};
  if (values.title !== undefined) out.title = values.title.replace(/\\n/g, "\n");
  if (values.period !== undefined) out.period = values.period;
  if (values.cutoff !== undefined) out.cutoffDate = values.cutoff;
  return out;
}

interface ScoreOptions {
  sheet?: string;
  profileId?: string;
  /** The methods to choose from: the built-ins, with a --profile file's method among them. */
  profiles: Profile[];
  /** profileId is the method of the input's sheet "Phương pháp chấm điểm". */
  fromMethodSheet?: boolean;
  mapping?: ColumnMapping;
  levels?: LevelOverrides;
  /** `--xep-hang`: scope and/or tie rule replacing the profile's. */
  ranking?: RunOptions["ranking"];
  overwrite: boolean;
  json: boolean;
  report: boolean;
  previous?: string;
  titles: Partial<TitleInputs>;
  message: boolean;
  scorecards: boolean;
  /** --out was given: a copy is wanted even when nothing changes. */
  outGiven: boolean;
}

/**
 * Everything before the save: the scored workbook, its report and the text to print (all but
 * the report's lines, which name the chart files written after the save). Only these outlive
 * the call, so the grid, the read table, the scores and the plan are garbage while exceljs
 * saves (at 10,000 rows the save is most of the run and allocates heavily).
 */
async function scoreWorkbook(
  input: string,
  out: string,
  given: ScoreOptions,
): Promise<{ workbook: ExcelJS.Workbook; charts: number; report: CliReport | null; notes: string[]; text: string; message: string | null; source: SourceIdentity; save: boolean }> {
  const { workbook, charts, grid, run, notes, options, lastRun } = await loadAndScore(input, given);
  refuseUnmatchedLevels(options.levels, run.read.levels, run.scored.units.filter((u) => !u.aggregate).map((u) => u.name));
  refuseUnwritable(run, options.overwrite, input);
  const { read, scored, profile, plan } = run;
  const source = sourceIdentity(input, run);
  const state = stateAfterWrite(plan, { profile, mapping: mappingOf(read.mapping), choices: run.choices, source });
  // A run that changes no cell is no undo point: the last one that did stays the one undo undoes.
  const unchanged = cellsChanged(plan) === 0;
  if (!unchanged) applyPlan(workbook, plan);
  // The source's title rows, unless the command line says otherwise.
  const titles = { ...titleInputs(grid, read.layout.headerTop), ...options.titles };
  const { report, message, scorecardSheet } = await addReports(workbook, run, titles, { ...options, input });
  // Undo removes the sheets this run added (unless edited since).
  const sheets = addedSheets(workbook, [report?.sheetName, report?.notesSheetName, scorecardSheet]);
  if (!unchanged && state.lastRun && sheets.length > 0) state.lastRun.sheets = sheets;
  writeState(workbook, unchanged ? { ...state, lastRun } : state);
  // No cell to change and no sheet to add: the input is left as it is, and no copy is made unless --out asked for one.
  const inPlace = samePath(out, input);
  const save = !(unchanged && sheets.length === 0 && (inPlace || !options.outGiven));
  const text = options.json ? `${JSON.stringify(jsonDocument(read, scored), null, 2)}\n` : summaryText(run, out, scorecardSheet, options, unchanged ? { lastRun, inPlace, save } : null);
  return { workbook, charts, report, notes, message, source, text, save };
}

/**
 * Load the workbook, read its table, method sheet and stored state, and score it; any failure
 * writes nothing. The options come back with the workbook's own method among the profiles.
 */
async function loadAndScore(
  input: string,
  given: ScoreOptions,
): Promise<{ workbook: ExcelJS.Workbook; charts: number; grid: Grid; run: RunResult; notes: string[]; options: ScoreOptions; lastRun: WorkbookState["lastRun"] }> {
  let options = given;
  try {
    const { workbook, notes, charts } = await loadWorkbook(input);
    // A zip that is no spreadsheet loads as a workbook with no sheets: say which file.
    if (userSheets(workbook).length === 0) throw new CliError(`Tệp "${input}" không có trang tính nào (không phải bảng tính .xlsx hợp lệ, hoặc đã bị hỏng).`, EXIT.input);
    const ws = pickSheet(workbook, options.sheet);
    // The workbook's own method sheet is the method, unless --profile chose one.
    const methodWs = options.profileId === undefined ? methodSheetOf(workbook) : undefined;
    if (methodWs && methodWs !== ws) {
      const method = methodFromSheet(methodWs, input);
      options = { ...options, profileId: method.id, profiles: [...options.profiles.filter((p) => p.id !== method.id), method], fromMethodSheet: true };
    }
    const grid = gridFromWorksheet(ws);
    const stored = readState(workbook);
    // A newer version's state is never rewritten; a broken one is said and then left out.
    if (stored.issue?.kind === "newer") throw new CliError(`${stored.issue.message}\nKhông ghi tệp nào.`, EXIT.input);
    const stateNotes = stored.issue ? [`${stored.issue.message} Đã bỏ qua: chấm như sổ chưa từng chấm, và dữ liệu này được thay khi ghi.`] : [];
    const run = runScoring(grid, { profiles: options.profiles, profileId: options.profileId, fromMethodSheet: options.fromMethodSheet, mapping: options.mapping, state: stored.state, levels: options.levels, ranking: options.ranking });
    return { workbook, charts, grid, run, notes: [...notes, ...stateNotes], options, lastRun: stored.state?.lastRun ?? null };
  } catch (e) {
    if (e instanceof CliError) throw e.message.endsWith("Không ghi tệp nào.") ? e : new CliError(`${e.message}\nKhông ghi tệp nào.`, e.exitCode);
    const message = e instanceof WorkbookError || e instanceof ProfileError ? e.message : `Không dùng được bảng trong "${input}": ${(e as Error).message}`;
    throw new CliError(`${message}\nKhông ghi tệp nào.`, EXIT.input);
  }
}

/** No table, no unit, or cells of the user's that would be overwritten without --overwrite: nothing is written. */
function refuseUnwritable(run: RunResult, overwrite: boolean, input: string): void {
  const { read, scored, plan } = run;
  const noTable = whyNoTable(run, plan.sheet);
  if (noTable && scored.units.length > 0) throw new CliError(`${fileWording(noTable)}\nKhông ghi tệp nào.`, EXIT.input);
  if (scored.units.length === 0) {
    const why = problemsOf(read, scored).map(problemLine).join("\n");
    throw new CliError(`Không tìm thấy dòng đơn vị nào trong bảng của trang "${plan.sheet}" (tệp "${input}").${why ? `\n${why}` : ""}\nKhông ghi tệp nào.`, EXIT.input);
  }
  refuseNothingScored(run);
  if (plan.conflicts.length > 0 && !overwrite) {
    throw new CliError(
      `${formatViNumber(plan.conflicts.length)} ô đang có nội dung không do chiso766 ghi và khác kết quả mới:\n${conflictLines(plan.sheet, plan.conflicts)}\n` +
        `Không ghi tệp nào. Kiểm tra lại các ô trên, hoặc chạy lại với --overwrite để ghi đè.`,
      EXIT.conflict,
    );
  }
  const unrestorable = unrestorableFormulas(plan.previous);
  if (unrestorable.length > 0) {
    const cells = unrestorable.slice(0, 10).map((s) => `  ${quoteSheet(plan.sheet)}!${s.address}: ${String(s.value)}`);
    if (unrestorable.length > 10) cells.push(`  … và ${formatViNumber(unrestorable.length - 10)} ô khác`);
    throw new CliError(
      `${formatViNumber(unrestorable.length)} ô có công thức mà chiso766 không thể ghi lại khi hoàn tác (chỉ ghi lại công thức dùng các hàm thông thường trên ô của sổ này):\n${cells.join("\n")}\n` +
        `Không ghi tệp nào. Hãy tự xóa hoặc chép giá trị các công thức này, hoặc để kết quả vào cột khác, rồi chạy lại.`,
      EXIT.conflict,
    );
  }
}

/** Problems named when no unit could be scored: the first ones are the reason, the rest repeat it. */
const MAX_REASON_LINES = 5;

/**
 * A method that scores, and not one unit with a total, rating or rank (every one missing data
 * or with a bad cell): writing a column of dashes and saying "done" would hide the failure.
 */
function refuseNothingScored(run: RunResult): void {
  const { read, scored, profile, plan } = run;
  if (profile.basis === "none") return;
  const units = scored.units.filter((u) => !u.aggregate);
  if (units.length === 0 || units.some((u) => u.total !== null || u.converted !== null || u.rating !== null || u.rank !== null)) return;
  const problems = problemsOf(read, scored).filter((p) => p.severity !== "info");
  const reasons = problems.slice(0, MAX_REASON_LINES).map((p) => `  ${problemLine(p)}`);
  if (problems.length > MAX_REASON_LINES) reasons.push(`  … và ${formatViNumber(problems.length - MAX_REASON_LINES)} vấn đề khác`);
  throw new CliError(
    `Không chấm được đơn vị nào trong ${formatViNumber(units.length)} đơn vị của trang "${plan.sheet}": đơn vị nào cũng thiếu số liệu hoặc có ô lỗi.` +
      `${reasons.length > 0 ? `\nNguyên nhân:\n${reasons.join("\n")}` : ""}\n` +
      `Kiểm tra các cột số liệu (hoặc tệp ánh xạ cột, --profile) rồi chạy lại. Không ghi tệp nào.`,
    EXIT.input,
  );
}

/** The appendix, score cards and chat-group message the options ask for; any failure writes nothing. */
async function addReports(
  workbook: ExcelJS.Workbook,
  run: RunResult,
  titles: TitleInputs,
  options: ScoreOptions & { input: string },
): Promise<{ report: CliReport | null; message: string | null; scorecardSheet: string | null }> {
  const none = { report: null, message: null, scorecardSheet: null };
  const compares = options.previous !== undefined;
  if (!options.report && !compares && !options.message && !options.scorecards) return none;
  const { scored, profile } = run;
  try {
    // The same file as both periods compares nothing: a wrong file picked, said before anything is written.
    if (options.previous !== undefined && samePath(options.previous, options.input)) {
      throw new CliError(`Tệp kỳ trước "${options.previous}" chính là tệp đang chấm: hãy chọn bảng của kỳ trước.`, EXIT.usage);
    }
    const previous = options.previous !== undefined ? await scorePreviousFile(options.previous, profile, options.profiles) : undefined;
    const names = options.previous !== undefined ? { current: `tệp "${path.basename(options.input)}"`, previous: `tệp "${path.basename(options.previous)}"` } : undefined;
    const report = options.report || compares ? addReport(workbook, run, { previous, titles, names }) : null;
    // Score cards show changes only between periods scored by the same method and version.
    const comparablePrevious = previous && (!previous.method || sameMethod(previous.method, profile)) ? previous.scored : undefined;
    const scorecardSheet = options.scorecards ? addScorecards(workbook, run, { previous: comparablePrevious, titles }) : null;
    if (!options.message) return { report, message: null, scorecardSheet };
    const methods = previous?.method ? { current: profile, previous: previous.method } : undefined;
    const comparison = previous ? compareResults(scored, previous.scored, { methods, names }) : null;
    // Periods scored by different methods: no rises and drops, the reason instead.
    const comparable = comparison && !comparison.notComparable ? comparison : null;
    const message = buildGroupMessage(scored, profile, { period: titles.period || periodIn(titles.title) || undefined, cutoffDate: titles.cutoffDate || undefined, comparison: comparable });
    return { report, scorecardSheet, message: comparison?.notComparable ? `${message.trimEnd()}\n${comparison.notComparable}\n` : message };
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nKhông ghi tệp nào.`, EXIT.input);
  }
}

/** The printed summary: method, ranking, table, units, problems to review, what was written where. */
function summaryText(
  run: RunResult,
  out: string,
  scorecardSheet: string | null,
  options: ScoreOptions,
  unchanged: { lastRun: WorkbookState["lastRun"]; inPlace: boolean; save: boolean } | null,
): string {
  const { read, scored, profile, plan } = run;
  const problems = problemsOf(read, scored);
  const l = read.layout;
  const portalNote = portalRankingNote(read);
  const parts = [
    profileLine(profile, run.profileSource, read),
    `Xếp hạng: ${rankingWords(profile.ranking)}${options.ranking !== undefined ? " (theo --xep-hang)" : run.choices.ranking ? " (như đã chọn ở lần chấm trước, lưu trong tệp; đổi bằng --xep-hang)" : " (đổi bằng --xep-hang)"}.`,
    ...levelFindingLines(run),
    ...(options.levels === undefined && run.choices.levels ? [`Cấp đơn vị: ${levelChoiceWords(run.choices.levels)} (như đã đặt ở lần chấm trước, lưu trong tệp; đổi bằng --level).`] : []),
    ...(portalNote ? [`${portalNote}.`] : []),
    `Trang tính "${plan.sheet}": tiêu đề ${l.headerTop === l.headerBottom ? "ở " : ""}${rowsText(l.headerTop, l.headerBottom)}, dữ liệu ${rowsText(l.dataTop, l.dataBottom)}, ${unitCountText(scored.units)}.`,
    "",
    unitsTable(scored, profile, MAX_UNIT_LINES, read.units),
    "",
  ];
  // What the reader merely noted (section heading rows) is listed apart from what needs a look.
  const toReview = problems.filter((p) => p.severity !== "info");
  const noted = problems.filter((p) => p.severity === "info");
  for (const [title, list, more] of [["Cần xem lại", toReview, "vấn đề"], ["Ghi nhận", noted, "ghi nhận"]] as const) {
    if (list.length === 0) continue;
    const shown = list.slice(0, MAX_PROBLEM_LINES).map((p) => `  ${problemLine(p)}`);
    if (list.length > MAX_PROBLEM_LINES) shown.push(`  … và ${formatViNumber(list.length - MAX_PROBLEM_LINES)} ${more} khác (xem đầy đủ với --json)`);
    parts.push(`${title} (${formatViNumber(list.length)}):`, ...shown, "");
  }
  if (plan.conflicts.length) parts.push(`Đã ghi đè ${formatViNumber(plan.conflicts.length)} ô (--overwrite):`, conflictLines(plan.sheet, plan.conflicts), "");
  if (unchanged) {
    const last = unchanged.lastRun;
    const undo = last ? ` "chiso766 undo" vẫn trả lại lần chấm lúc ${formatViDateTime(last.at)} trên trang "${last.sheet}".` : "";
    // A copy only when --out is another file; the input itself is either left alone or only gets the added sheets.
    const where = !unchanged.save
      ? unchanged.inPlace
        ? `Không ghi gì, tệp giữ nguyên: ${out}`
        : `Không tạo tệp mới: tệp vào đã có đúng kết quả này.`
      : unchanged.inPlace
        ? `Chỉ thêm trang vào: ${out}`
        : `Đã ghi bản sao vào: ${out}`;
    parts.push(`${nothingToWriteText(plan)}${undo}`, where);
  } else parts.push(planLines(plan), `Đã ghi kết quả vào: ${out}`);
  if (scorecardSheet) parts.push(`Đã ghi trang "${scorecardSheet}": mỗi đơn vị một trang A4.`);
  return `${parts.join("\n")}\n`;
}

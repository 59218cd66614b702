/**
 * @jest-environment jsdom
 *
 * The report panel: the narrative with its copy button (clipboard, textarea fallback, refusal),
 * "Lập phụ lục" handing the appendix plan to the adapter, and the comparison with the last
 * period's sheet (changes of total and rank, units found on one side only).
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReportAdapter } from "../../src/adapters/office/report";
import type { Grid } from "../../src/model/grid";
import type { AppendixPlan, SheetPlan } from "../../src/report/types";
import { ReportPanel } from "../../src/taskpane/components/ReportPanel";
import { titleInputs } from "../../src/taskpane/report/build";
import { defaultScoring } from "../../src/taskpane/scoring";
import { AnnounceContext, type PaneStatus } from "../../src/taskpane/status";
import { PHU_TAN_SHEET, phuTanGrid } from "../office/phu-tan-grid";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;

const PREVIOUS_SHEET = "Tuần trước";
const NAME_COL = 1;
const TOTAL_COL = 2;

/** Last week's sheet: PHÚ LONG missing, PHÚ AN under another name, PHÚ HÙNG 5 points lower. */
function previousGrid(): Grid {
  const grid = phuTanGrid();
  const rowOf = (name: string) => grid.values.findIndex((r) => r[NAME_COL] === name);
  const hung = rowOf("PHÚ HÙNG");
  grid.values[hung][TOTAL_COL] = (grid.values[hung][TOTAL_COL] as number) - 5;
  grid.values[rowOf("PHÚ AN")][NAME_COL] = "XÃ CŨ";
  const long = rowOf("PHÚ LONG");
  for (const rows of [grid.values, grid.numberFormats!, grid.underlines!]) rows.splice(long, 1);
  return { ...grid, sheet: PREVIOUS_SHEET };
}

/** The pane's action bar, reduced to what the panel announces to it. */
function WithBar({ children }: { children: React.ReactNode }) {
  const [status, setStatus] = React.useState<PaneStatus | null>(null);
  return (
    <AnnounceContext.Provider value={setStatus}>
      <div data-testid="bar">{status?.text}</div>
      {children}
    </AnnounceContext.Provider>
  );
}

/** The panel on a run the pane's scoring service made (its worker, here in-process, keeps the run). */
async function setup(options: { report?: Partial<ReportAdapter> } = {}) {
  const scoring = defaultScoring();
  const grid = phuTanGrid();
  const run = await scoring.run(grid, {});
  const report: ReportAdapter = {
    listSheets: jest.fn(async () => [
      { name: PHU_TAN_SHEET, visible: true, active: true },
      { name: PREVIOUS_SHEET, visible: true, active: false },
      { name: "Ẩn", visible: false, active: false },
    ]),
    readSheet: jest.fn(async (name: string) => ({ grid: previousGrid(), state: null, address: `'${name}'!A1:M21` })),
    writeAppendix: jest.fn(async (plan: AppendixPlan) => ({ sheetName: plan.sheetName, notesSheetName: plan.notes?.sheetName ?? null, charts: true })),
    writeScorecards: jest.fn(async (plan: SheetPlan) => plan.sheetName),
    ...options.report,
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <WithBar>
        <ReportPanel run={run} grid={grid} scoring={scoring} report={report} />
      </WithBar>
    </FluentProvider>,
  );
  return { report, run };
}

/** The narrative once the scoring worker (here in-process) has written it. */
async function narrativeText(): Promise<string> {
  return (await screen.findByRole("document", { name: "Nhận xét" }, { timeout: 10_000 })).textContent ?? "";
}

function setClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(window.navigator, "clipboard", { value: writeText ? { writeText } : undefined, configurable: true });
}

// Each render scores the example and plans the report in-process; a shared 2-core machine can take seconds.
jest.setTimeout(20_000);

describe("report panel", () => {
  // The pane without a worker loads the worker's code on first use; load it once, before the clocks start.
  beforeAll(() => import("../../src/taskpane/scoring-answer"), 60_000);
  afterEach(() => setClipboard(undefined));

  test("shows the narrative and copies it with navigator.clipboard", async () => {
    const writeText = jest.fn(async () => undefined);
    setClipboard(writeText);
    await setup();
    expect(await narrativeText()).toMatch(/\d{2} đơn vị xếp loại/);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Sao chép" }));
    });
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied).toContain("PHÚ HÙNG");
    expect(copied.split("\n").length).toBeGreaterThan(2);
    expect(await screen.findByText("Đã sao chép nhận xét vào bộ nhớ tạm.")).toBeTruthy();
  });

  test("Sao chép tin nhắn copies the plain chat-group message with the period and cut-off date typed in the pane", async () => {
    const writeText = jest.fn(async () => undefined);
    setClipboard(writeText);
    await setup();
    await narrativeText();
    fireEvent.change(screen.getByRole("textbox", { name: "Kỳ báo cáo" }), { target: { value: "Tháng 5 (Tuần 01)" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Ngày chốt số liệu" }), { target: { value: "Ngày 06/5/2024" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Sao chép tin nhắn" }));
    });
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied).toContain("THÁNG 5 (TUẦN 01)");
    expect(copied).toContain("Số liệu chốt: Ngày 06/5/2024.");
    expect(copied).toContain("PHÚ LONG (55,87)");
    expect(copied).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(await screen.findByText("Đã sao chép tin nhắn. Dán vào nhóm Zalo để gửi.")).toBeTruthy();
  });

  test("when the webview refuses the clipboard, the textarea route is tried, then a Vietnamese message", async () => {
    setClipboard(jest.fn(async () => Promise.reject(new DOMException("denied", "NotAllowedError"))));
    const exec = jest.fn(() => false);
    (document as unknown as { execCommand: unknown }).execCommand = exec;
    await setup();
    await narrativeText();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Sao chép" }));
    });
    expect(exec).toHaveBeenCalledWith("copy");
    expect(await screen.findByText(/không cho phần bổ trợ sao chép.*Ctrl\+C/)).toBeTruthy();
    expect(document.querySelector("textarea[readonly]")).toBeNull(); // the helper textarea is removed

    exec.mockReturnValue(true);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Sao chép" }));
    });
    expect(await screen.findByText("Đã sao chép nhận xét vào bộ nhớ tạm.")).toBeTruthy();
  });

  test("Lập phụ lục gives the adapter the appendix plan with the title rows and the narrative", async () => {
    const { report } = await setup();
    const title = screen.getByRole("textbox", { name: "Tiêu đề" }) as HTMLTextAreaElement;
    expect(title.value).toContain("BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN");
    fireEvent.change(screen.getByRole("textbox", { name: "Kỳ báo cáo" }), { target: { value: "Tháng 5 năm 2024 (Tuần 01)" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Lập phụ lục" }));
    });
    await waitFor(() => expect(report.writeAppendix).toHaveBeenCalledTimes(1));
    const plan = (report.writeAppendix as jest.Mock).mock.calls[0][0] as AppendixPlan;
    const texts = plan.values.flat().filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.includes("BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN"))).toBe(true);
    expect(texts).toContain("Tháng 5 năm 2024 (Tuần 01)");
    // Units in rank order under the aggregate row, the narrative under the table.
    const names = plan.rows.filter((r) => !r.unit.aggregate).map((r) => r.unit.name);
    expect(names[0]).toBe("PHÚ HÙNG");
    expect(plan.notes?.narrativeTop).not.toBeNull();
    const done = `Đã lập trang "${plan.sheetName}" và trang "${plan.notes!.sheetName}" (số đơn vị theo xếp loại, nhận xét) với 2 biểu đồ.`;
    await waitFor(() => expect(screen.getByTestId("bar").textContent).toBe(done));
    // Shown once, in the action bar, not again inside the panel.
    expect(screen.getAllByText(done)).toHaveLength(1);
  });

  test("Kỳ báo cáo starts with the period the title names; the appendix prints it once", async () => {
    const { report } = await setup();
    const title = (screen.getByRole("textbox", { name: "Tiêu đề" }) as HTMLTextAreaElement).value;
    const period = (screen.getByRole("textbox", { name: "Kỳ báo cáo" }) as HTMLInputElement).value;
    expect(period).not.toBe("");
    expect(title.endsWith(period)).toBe(true);
    expect(period).toMatch(/^THÁNG 5/);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Lập phụ lục" }));
    });
    await waitFor(() => expect(report.writeAppendix).toHaveBeenCalledTimes(1));
    const plan = (report.writeAppendix as jest.Mock).mock.calls[0][0] as AppendixPlan;
    const texts = plan.values.flat().filter((v): v is string => typeof v === "string");
    expect(texts.filter((t) => t.includes(period))).toHaveLength(1);
  });

  test("Lập phiếu điểm writes a page per unit with the period typed in the pane", async () => {
    const { report } = await setup();
    fireEvent.change(screen.getByRole("textbox", { name: "Kỳ báo cáo" }), { target: { value: "Tháng 5 (Tuần 01)" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Lập phiếu điểm" }));
    });
    await waitFor(() => expect(report.writeScorecards).toHaveBeenCalledTimes(1));
    const plan = (report.writeScorecards as jest.Mock).mock.calls[0][0] as SheetPlan;
    expect(plan.pageBreaks).toHaveLength(17); // 18 communes, the district row has no page
    const texts = plan.values.flat().filter((v): v is string => typeof v === "string");
    expect(texts).toContain("PHÚ LONG");
    expect(texts.some((t) => t.includes("Tháng 5 (Tuần 01)"))).toBe(true);
    expect(await screen.findByText(`Đã lập trang "${plan.sheetName}": mỗi đơn vị một trang A4 để in.`)).toBeTruthy();
  });

  test("an error from the adapter is shown, not swallowed", async () => {
    await setup({ report: { writeAppendix: jest.fn(async () => Promise.reject(new Error("Trang tính đang được bảo vệ"))) } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Lập phụ lục" }));
    });
    expect(await screen.findByText("Trang tính đang được bảo vệ")).toBeTruthy();
  });

  test("compares with the previous period's sheet: changes, and units on one side only", async () => {
    const { report, run } = await setup();
    const picker = (await screen.findByRole("combobox", { name: "Trang của kỳ trước" })) as HTMLSelectElement;
    await waitFor(() => expect(within(picker).queryByRole("option", { name: PREVIOUS_SHEET })).toBeTruthy());
    // Neither the scored sheet itself nor hidden sheets are offered.
    expect(within(picker).queryByRole("option", { name: PHU_TAN_SHEET })).toBeNull();
    expect(within(picker).queryByRole("option", { name: "Ẩn" })).toBeNull();
    fireEvent.change(picker, { target: { value: PREVIOUS_SHEET } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "So sánh" }));
    });
    expect(report.readSheet).toHaveBeenCalledWith(PREVIOUS_SHEET);

    const table = await screen.findByRole("table", { name: "So với kỳ trước" });
    const hung = within(table).getByText("PHÚ HÙNG").closest("tr")!;
    expect(hung.textContent).toContain("+5");
    expect(within(screen.getByRole("group", { name: "Đơn vị chỉ có ở kỳ này" })).getByText("PHÚ AN")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Đơn vị chỉ có ở kỳ này" })).getByText("PHÚ LONG")).toBeTruthy();
    expect(within(screen.getByRole("group", { name: "Đơn vị chỉ có ở kỳ trước" })).getByText("XÃ CŨ")).toBeTruthy();

    // The comparison reaches the narrative and the appendix.
    await waitFor(() => expect(screen.getByRole("document", { name: "Nhận xét" }).textContent).toMatch(/PHÚ HÙNG/));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Lập phụ lục" }));
    });
    await waitFor(() => expect(report.writeAppendix).toHaveBeenCalledTimes(1));
    const plan = (report.writeAppendix as jest.Mock).mock.calls[0][0] as AppendixPlan;
    expect(plan.columns.some((c) => c.field === "previousRank" || c.field === "change")).toBe(true);
    expect(run.profile.id).toBe("an-giang-tuan");
  });
});

describe("title inputs from the rows above the table", () => {
  test("title lines, period line and cut-off date", () => {
    const grid: Grid = {
      sheet: "S",
      origin: { row: 0, col: 0 },
      values: [
        ["BỘ CHỈ SỐ PHỤC VỤ", "BỘ CHỈ SỐ PHỤC VỤ"],
        ["Tháng 5 (Tuần 01)", null],
        ["(Thời gian chốt số liệu: Ngày 06/5/2024)", null],
        ["STT", "Tên đơn vị"],
      ],
    };
    expect(titleInputs(grid, 3)).toEqual({ title: "BỘ CHỈ SỐ PHỤC VỤ", period: "Tháng 5 (Tuần 01)", cutoffDate: "Ngày 06/5/2024", references: "" });
  });

  test("a bracketed reference over two rows is kept whole, and the \"Phụ lục\" label is not a title line", () => {
    const grid: Grid = {
      sheet: "S",
      origin: { row: 0, col: 0 },
      values: [
        ["Phụ lục", null],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI", null],
        ["THÁNG 9 NĂM 2023", null],
        ["(Kèm theo Báo cáo số", null],
        ["/BC-UBND, ngày tháng 10 năm 2023 của UBND thành phố Điện Biên Phủ)", null],
        ["STT", "Tên đơn vị"],
      ],
    };
    expect(titleInputs(grid, 5)).toEqual({
      title: "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI",
      period: "THÁNG 9 NĂM 2023",
      cutoffDate: "",
      references: "(Kèm theo Báo cáo số /BC-UBND, ngày tháng 10 năm 2023 của UBND thành phố Điện Biên Phủ)",
    });
  });

  test("a period named at the end of the title, with no line of its own, is the period", () => {
    const grid: Grid = {
      sheet: "S",
      origin: { row: 0, col: 0 },
      values: [["KẾT QUẢ ĐÁNH GIÁ CỦA UBND THÀNH PHỐ ĐIỆN BIÊN PHỦ THÁNG 9 NĂM 2023", null], ["STT", "Tên đơn vị"]],
    };
    expect(titleInputs(grid, 1)).toMatchObject({ title: "KẾT QUẢ ĐÁNH GIÁ CỦA UBND THÀNH PHỐ ĐIỆN BIÊN PHỦ THÁNG 9 NĂM 2023", period: "THÁNG 9 NĂM 2023" });
  });

  test("no title rows: the national title, nothing invented", () => {
    const grid: Grid = { sheet: "S", origin: { row: 0, col: 0 }, values: [["STT", "Tên đơn vị"]] };
    const inputs = titleInputs(grid, 0);
    expect(inputs.title).toMatch(/^KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI/);
    expect(inputs.period).toBe("");
    expect(inputs.cutoffDate).toBe("");
  });
});

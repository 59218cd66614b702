/**
 * @jest-environment jsdom
 *
 * What the pane promises before and after a click, as the CLI does: the preview counts what a
 * write really changes (and says when it changes nothing), a formula undo could not write back
 * is refused, the appendix "Lập phụ lục" made goes with "Hoàn tác", the aggregate row is named
 * apart from the units, and the table's address is the table's, not the range read.
 */
import { webcrypto } from "node:crypto";
import { TextEncoder } from "node:util";
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter, type WorkbookAdapter } from "../../src/adapters/office";
import { createReportAdapter } from "../../src/adapters/office/report";
import { App } from "../../src/taskpane/components/App";
import { defaultScoring } from "../../src/taskpane/scoring";
import { PHU_TAN_SHEET, phuTanGrid } from "../office/phu-tan-grid";
import type { Grid } from "../../src/model/grid";

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(40_000);

// jsdom lacks what Excel's browser has: SHA-256 (the appendix's fingerprint) and TextEncoder.
Object.defineProperty(globalThis.crypto, "subtle", { value: webcrypto.subtle, configurable: true });
Object.assign(globalThis, { TextEncoder });
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function setup(grid: Grid = phuTanGrid()) {
  const excel = new FakeExcel(FakeWorkbookModel.fromGrid(grid));
  const real = createOfficeAdapter({ run: excel.run, mergedAreas: true });
  const adapter: WorkbookAdapter = { ...real, apply: jest.fn(real.apply) };
  const report = createReportAdapter({ run: excel.run, workbook: real, charts: false });
  render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} scoring={defaultScoring()} report={report} />
    </FluentProvider>,
  );
  return { excel, adapter };
}

async function ready() {
  await screen.findByRole("table", { name: "Xem trước kết quả" }, { timeout: 15_000 });
}

async function click(name: string) {
  const button = screen.getByRole("button", { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  await act(async () => {
    fireEvent.click(button);
  });
}

/** The preview's one-line summary (units, ratings, what a write changes). */
const summary = () => screen.getByText(/^\d+ đơn vị/, { selector: "span" }).textContent ?? "";

const sheetNames = (excel: FakeExcel) => excel.model.sheets.map((s) => s.name);

beforeAll(() => import("../../src/taskpane/scoring-answer"), 60_000);

describe("the pane says what a click really does", () => {
  test("the preview counts the cells a write changes, then says plainly that a second write would change none", async () => {
    setup();
    await ready();
    // 18 units and the district row, named apart as the CLI names it.
    expect(summary()).toMatch(/^18 đơn vị và 1 dòng tổng hợp \(TOÀN HUYỆN\)/);
    const cells = Number(/sẽ ghi (\d+) ô/.exec(summary())?.[1]);
    expect(cells).toBeGreaterThan(0);
    // The seed's 9 underlines are there already: none to add.
    expect(summary()).not.toMatch(/gạch chân/);
    expect(screen.queryByText(/Không có ô nào cần ghi/)).toBeNull();

    await click("Ghi kết quả");
    await screen.findByText(new RegExp(`Đã ghi \\d+ ô vào trang ${PHU_TAN_SHEET}`));
    // The preview after the write: nothing left to change, said once and plainly.
    await screen.findByText(/Không có ô nào cần ghi trên trang Phụ lục 1: các ô đã có đúng kết quả này\./);
    expect(summary()).not.toMatch(/sẽ ghi/);
  });

  test("shows the table's own extent, not the range read with blank columns for results", async () => {
    setup();
    await ready();
    // The reader's table: header row 2 to the last unit (row 22), columns A to M.
    expect(screen.getByText(/^Bảng 'Phụ lục 1'!A2:M22 · tiêu đề dòng 2–3 · dữ liệu dòng 4–22$/)).toBeTruthy();
  });

  test("refuses to overwrite a formula undo could not write back, naming the cell; writes nothing and asks nothing", async () => {
    const grid = phuTanGrid();
    const { excel, adapter } = setup(grid);
    // N5, in the column the tool adds for ranks: a formula showing nothing, reaching outside the workbook.
    excel.model.sheet(PHU_TAN_SHEET)!.update(4, 13, { value: "", formula: '=WEBSERVICE("http://example.com/x")' });
    await ready();
    const before = excel.model.snapshot();
    await click("Ghi kết quả");
    await screen.findByText(/Chưa ghi gì: trên trang Phụ lục 1, ô N5 \(=WEBSERVICE\("http:\/\/example\.com\/x"\)\) có công thức mà “Hoàn tác” không thể ghi lại/);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(excel.model.snapshot()).toEqual(before);
    // The adapter was asked once and refused at its check; nothing was ever confirmed.
    expect((adapter.apply as jest.Mock).mock.calls.every((c) => !c[2]?.overwriteConflicts)).toBe(true);
  });

  test("Hoàn tác removes the appendix Lập phụ lục made after the write", async () => {
    const { excel } = setup();
    await ready();
    await click("Ghi kết quả");
    await screen.findByText(/Đã ghi \d+ ô/);
    const sheetsAfterWrite = sheetNames(excel);
    await click("Lập phụ lục");
    const made = await screen.findByText(/Đã lập trang "([^"]+)"/);
    expect(made.textContent).toMatch(/“Hoàn tác” sẽ xóa/);
    const added = sheetNames(excel).filter((n) => !sheetsAfterWrite.includes(n));
    expect(added.length).toBeGreaterThan(0);

    await click("Hoàn tác");
    const done = await screen.findByText(/Đã hoàn tác/);
    expect(done.textContent).toMatch(/Đã xóa/);
    expect(sheetNames(excel)).toEqual(sheetsAfterWrite);
  });

  test("an appendix the user edited since is kept, and the pane says so", async () => {
    const { excel } = setup();
    await ready();
    await click("Ghi kết quả");
    await screen.findByText(/Đã ghi \d+ ô/);
    const sheetsAfterWrite = sheetNames(excel);
    await click("Lập phụ lục");
    await screen.findByText(/Đã lập trang/);
    const [appendix] = sheetNames(excel).filter((n) => !sheetsAfterWrite.includes(n));
    excel.model.userEdit(appendix, "B30", "Ghi chú của tôi");

    await click("Hoàn tác");
    const done = await screen.findByText(/Đã hoàn tác/);
    expect(done.textContent).toContain(`Giữ trang "${appendix}" vì đã được sửa sau khi lập`);
    expect(sheetNames(excel)).toContain(appendix);
    expect(excel.model.sheet(appendix)!.cell(29, 1).value).toBe("Ghi chú của tôi");
  });

  test("an appendix made before any write is not undone, and the pane says so when it is made", async () => {
    const { excel } = setup();
    await ready();
    const sheets = sheetNames(excel);
    await click("Lập phụ lục");
    const made = await screen.findByText(/Đã lập trang/);
    expect(made.textContent).toContain('“Hoàn tác” không xóa các trang "Phụ lục xếp loại", "Nhận xét xếp loại" vì chưa ghi kết quả vào trang Phụ lục 1');
    expect(sheetNames(excel).length).toBeGreaterThan(sheets.length);
    expect(within(document.body).queryByRole("dialog")).toBeNull();
  });
});

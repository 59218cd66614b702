/**
 * @jest-environment jsdom
 *
 * The task pane against the fake Excel and the real pipeline: detection shown, mapping edited,
 * preview before writing, write, undo, problem click → cell selected, conflicts confirmed.
 */
import * as React from "react";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter, type WorkbookAdapter } from "../../src/adapters/office";
import { App } from "../../src/taskpane/components/App";
import { defaultScoring } from "../../src/taskpane/scoring";
import { PHU_TAN_SHEET, phuTanGrid } from "../office/phu-tan-grid";
import type { Grid } from "../../src/model/grid";

// A write re-reads and re-scores the sheet: on a busy machine that takes more than the default 1 s.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;

function setup(grid: Grid = phuTanGrid()) {
  const excel = new FakeExcel(FakeWorkbookModel.fromGrid(grid));
  const real = createOfficeAdapter({ run: excel.run, mergedAreas: true });
  const adapter: WorkbookAdapter = { read: jest.fn(real.read), apply: jest.fn(real.apply), selectCell: jest.fn(real.selectCell) };
  const scoring = defaultScoring();
  const run = jest.spyOn(scoring, "run");
  render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} scoring={scoring} />
    </FluentProvider>,
  );
  return { excel, adapter, run };
}

const cell = (excel: FakeExcel, row: number, col: number) => excel.model.sheet(PHU_TAN_SHEET)!.cell(row, col);

async function ready() {
  await screen.findByRole("table", { name: "Xem trước kết quả" }, { timeout: 10_000 });
}

jest.setTimeout(20_000);

// Without a worker the pane loads the worker's code on first use: load it once, before the tests' clocks start.
beforeAll(() => import("../../src/taskpane/scoring-answer"), 60_000);

describe("task pane", () => {
  test("shows the detected profile and each column's field with its confidence", async () => {
    const { adapter } = setup();
    await ready();
    expect(adapter.read).toHaveBeenCalledTimes(1);
    const profile = screen.getByRole("combobox", { name: /Phương pháp chấm điểm/ }) as HTMLSelectElement;
    expect(profile.value).toBe("an-giang-tuan");
    const totalField = screen.getByRole("combobox", { name: "Trường của cột C" }) as HTMLSelectElement;
    expect(totalField.value).toBe("total");
    const mapping = screen.getByRole("table", { name: "Ánh xạ cột" });
    expect(within(mapping).getAllByText(/^\d+%$/).length).toBeGreaterThan(5);
  });

  test("changing a column's field scores again with that mapping", async () => {
    const { run } = setup();
    await ready();
    const field = screen.getByRole("combobox", { name: "Trường của cột E" }) as HTMLSelectElement;
    expect(field.value).toBe("previous");
    await act(async () => {
      fireEvent.change(field, { target: { value: "" } });
    });
    await waitFor(() => expect((screen.getByRole("combobox", { name: "Trường của cột E" }) as HTMLSelectElement).value).toBe(""));
    const last = run.mock.calls[run.mock.calls.length - 1][1];
    expect(last.mapping?.E).toBeNull();
    expect(last.profileId).toBe("an-giang-tuan");
  });

  test("previews before writing, writes on Ghi kết quả, and Hoàn tác puts the sheet back", async () => {
    const { excel, adapter } = setup();
    await ready();
    const preview = screen.getByRole("table", { name: "Xem trước kết quả" });
    expect(within(preview).getByText("PHÚ LONG")).toBeTruthy();
    expect(within(preview).getAllByText("TB").length).toBeGreaterThan(0);
    expect(adapter.apply).not.toHaveBeenCalled();
    const before = excel.model.snapshot();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    await screen.findByText(/Đã ghi \d+ ô/);
    expect(adapter.apply).toHaveBeenCalledTimes(1);
    expect(excel.model.snapshot()).not.toEqual(before);
    // PHÚ LONG's change column now holds the computed change and its total is underlined.
    expect(cell(excel, 21, 2).underline).toBe(true);

    const undo = screen.getByRole("button", { name: "Hoàn tác" });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    await act(async () => {
      fireEvent.click(undo);
    });
    await screen.findByText(/Đã hoàn tác/);
    const after = excel.model.snapshot();
    const visible = (s: typeof after) => Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith(`${PHU_TAN_SHEET}!`)));
    expect(visible(after)).toEqual(visible(before));
  });

  test("a second Ghi kết quả that would change nothing writes nothing: no new state, undo still undoes the first write and says so", async () => {
    const { excel, adapter } = setup();
    await ready();
    const before = excel.model.snapshot();
    const promised = /sẽ ghi (\d+) ô/.exec(document.body.textContent ?? "")?.[1];
    expect(promised).toBeDefined();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    const done = await screen.findByText(/Đã ghi \d+ ô/);
    expect(done.closest("[data-intent]")?.getAttribute("data-intent")).toBe("success");
    // The count the preview promised, not the adapter's block cells (a header already right is rewritten too).
    expect(done.textContent).toContain(`Đã ghi ${promised} ô`);
    const written = excel.model.snapshot();
    const undo = screen.getByRole("button", { name: "Hoàn tác" });
    await waitFor(() => expect(undo.getAttribute("title")).toMatch(new RegExp(`^“Hoàn tác” trả lại \\d+ ô trên trang ${PHU_TAN_SHEET} như trước lần ghi lúc \\d\\d:\\d\\d ngày`)));
    const undoTitle = undo.getAttribute("title");

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    const nothing = await screen.findByText(new RegExp(`^Không có ô nào cần ghi trên trang ${PHU_TAN_SHEET}: các ô đã có đúng kết quả này\\. Sổ không thay đổi\\. “Hoàn tác” trả lại`));
    // Information, not a success tick: nothing was done.
    expect(nothing.closest("[data-intent]")?.getAttribute("data-intent")).toBe("info");
    expect(adapter.apply).toHaveBeenCalledTimes(1);
    // The workbook, its state sheet included, is exactly as the first write left it.
    expect(excel.model.snapshot()).toEqual(written);
    expect((undo as HTMLButtonElement).disabled).toBe(false);
    expect(undo.getAttribute("title")).toBe(undoTitle);

    await act(async () => {
      fireEvent.click(undo);
    });
    await screen.findByText(/Đã hoàn tác/);
    const visible = (s: typeof before) => Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith(`${PHU_TAN_SHEET}!`)));
    expect(visible(excel.model.snapshot())).toEqual(visible(before));
  });

  test("Đọc lại bảng on the appendix sheet the tool made reads the scored table instead", async () => {
    const { excel, adapter } = setup();
    await ready();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    await screen.findByText(/Đã ghi \d+ ô/);
    // As "Lập phụ lục" leaves it: the appendix sheet is the active one.
    excel.model.addSheetFrom({ name: "Phụ lục xếp loại", values: [["STT", "Tên đơn vị", "Tổng điểm", "Xếp loại"], [1, "PHÚ HÙNG", 89.21, "Tốt"]] });
    excel.model.activeSheet = "Phụ lục xếp loại";
    (adapter.read as jest.Mock).mockClear();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Đọc lại bảng" }));
    });
    await screen.findByText(`Trang đang mở là phụ lục do công cụ lập; đã đọc bảng ở trang ${PHU_TAN_SHEET}.`);
    expect((adapter.read as jest.Mock).mock.calls.map((c) => c[0])).toEqual([{ selection: false }, { sheet: PHU_TAN_SHEET }]);
    expect((screen.getByRole("combobox", { name: /Phương pháp chấm điểm/ }) as HTMLSelectElement).value).toBe("an-giang-tuan");
  });

  test("Hoàn tác from the appendix sheet, with only the selection on, still checks the scored sheet: a hand edit asks first", async () => {
    const { excel, adapter } = setup();
    await ready();
    const before = excel.model.snapshot();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    await screen.findByText(/Đã ghi \d+ ô/);
    // A hand edit in a cell the tool wrote (N5: PHÚ BÌNH's rank).
    excel.model.sheet(PHU_TAN_SHEET)!.update(4, 13, { value: "sửa tay" });
    excel.model.addSheetFrom({ name: "Phụ lục xếp loại", values: [["STT", "Tên đơn vị"], [1, "PHÚ HÙNG"]] });
    excel.model.activeSheet = "Phụ lục xếp loại";
    excel.model.selection = { top: 0, left: 0, bottom: 1, right: 1 };
    await act(async () => {
      fireEvent.click(screen.getByRole("switch", { name: "Chỉ dùng vùng đang chọn" }));
    });
    (adapter.apply as jest.Mock).mockClear();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Hoàn tác" }));
    });
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText(/N5/)).toBeTruthy();
    expect(adapter.apply).not.toHaveBeenCalled();
    expect(cell(excel, 4, 13).value).toBe("sửa tay");
    // Agreed: the scored sheet is back as it was, the edit included.
    await act(async () => {
      fireEvent.click(within(dialog).getByRole("button", { name: "Ghi đè" }));
    });
    await screen.findByText(/Đã hoàn tác/);
    const visible = (snap: typeof before) => Object.fromEntries(Object.entries(snap).filter(([k]) => k.startsWith(`${PHU_TAN_SHEET}!`)));
    expect(visible(excel.model.snapshot())).toEqual(visible(before));
  });

  test("a problem names its cell, and clicking it selects the cell", async () => {
    const grid = phuTanGrid();
    grid.values[8][6] = "16/,6"; // G9: CÔNG KHAI of PHÚ HIỆP, unreadable
    const { excel, adapter } = setup(grid);
    await ready();
    const problems = await screen.findByRole("list", { name: "Vấn đề" });
    // One line: why the cell is wrong, and that the unit is therefore neither rated nor ranked.
    expect(within(problems).getByText('"16/,6" không phải là số — PHÚ HIỆP: chưa xếp loại, xếp hạng')).toBeTruthy();
    expect(within(problems).queryByText(/^Chưa xếp loại/)).toBeNull();
    const [link] = within(problems).getAllByRole("button", { name: `'${PHU_TAN_SHEET}'!G9` });
    await act(async () => {
      fireEvent.click(link);
    });
    expect(adapter.selectCell).toHaveBeenCalledWith(`'${PHU_TAN_SHEET}'!G9`);
    expect(excel.model.selection).toEqual({ top: 8, left: 6, bottom: 8, right: 6 });
  });

  test("a published value that differs is kept: the tool writes beside it and says where they differ", async () => {
    const grid = phuTanGrid();
    grid.values[5][5] = 99; // F6: PHÚ BÌNH's printed change differs from total − previous
    const { excel } = setup(grid);
    await ready();
    expect(await screen.findByText(/Tăng\/giảm đã có \(cột F .+\) khác tăng\/giảm tính lại ở 1 đơn vị: PHÚ BÌNH \(99 → 0,15\)/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    await screen.findByText(/Đã ghi \d+ ô/);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(cell(excel, 5, 5).value).toBe(99);
  });

  test("a value typed after the preview stops the write: nothing written, the change shown, the preview recomputed", async () => {
    const { excel, adapter } = setup();
    await ready();
    const before = excel.model.snapshot();
    excel.model.userEdit(PHU_TAN_SHEET, "C9", 50); // PHÚ BÌNH's total, typed after the read
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    await waitFor(() => expect(document.body.textContent).toMatch(/đã thay đổi sau lần đọc bảng nên chưa ghi gì: C9 88,82 → 50/));
    expect(adapter.apply).not.toHaveBeenCalled();
    const after = excel.model.snapshot();
    expect(Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]))).toEqual([`${PHU_TAN_SHEET}!8,2`]);
  });

  test("a cell typed between the write's check read and the plan (between syncs) stops the write in the adapter", async () => {
    const { excel, adapter } = setup();
    await ready();
    const before = JSON.stringify(excel.model.snapshot());
    // Lands after the pane's fresh read, before the write's first request reaches Excel.
    (adapter.apply as jest.Mock).mockImplementationOnce(async (...args: Parameters<WorkbookAdapter["apply"]>) => {
      excel.beforeSync.push((model) => model.sheet(PHU_TAN_SHEET)!.update(9, 3, { value: "Khá" }));
      return createOfficeAdapter({ run: excel.run, mergedAreas: true }).apply(...args);
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    expect(await screen.findByText(/D10 .* → “Khá”/)).toBeTruthy();
    const after = excel.model.snapshot();
    // Only the typed cell differs: nothing half-written, no state sheet.
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify((JSON.parse(before) as typeof after)[k]));
    expect(changed).toEqual([`${PHU_TAN_SHEET}!9,3`]);
  });

  test("errors from Excel are shown, not swallowed", async () => {
    const failing: WorkbookAdapter = {
      read: jest.fn(async () => {
        throw Object.assign(new Error("x"), { code: "ResponsePayloadSizeLimitExceeded" });
      }),
      apply: jest.fn(),
      selectCell: jest.fn(),
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <App adapter={failing} scoring={defaultScoring()} />
      </FluentProvider>,
    );
    expect(await screen.findByText(/giới hạn 5 MB/)).toBeTruthy();
  });

  test("Hủy during a write's check stops it: nothing written, and the pane says so", async () => {
    const { excel, adapter } = setup();
    await ready();
    const before = excel.model.snapshot();
    let release: () => void = () => undefined;
    const read = adapter.read as jest.Mock;
    const realRead = read.getMockImplementation()!;
    read.mockImplementationOnce(async (...args: unknown[]) => {
      await new Promise<void>((resolve) => (release = resolve));
      return realRead(...args);
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    expect(screen.getByText("Đang kiểm tra bảng trước khi ghi…")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Hủy" }));
      release();
    });
    await screen.findByText("Đã hủy, chưa ghi gì vào bảng tính.");
    expect(adapter.apply).not.toHaveBeenCalled();
    expect(excel.model.snapshot()).toEqual(before);
    expect(screen.queryByRole("button", { name: "Hủy" })).toBeNull();
  });
});

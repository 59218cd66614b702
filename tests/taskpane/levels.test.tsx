/**
 * @jest-environment jsdom
 *
 * The pane's level control against the fake Excel and the real pipeline: units the table says
 * nothing about are shown, the clerk sets the level for the whole table or the ranking scope,
 * the preview follows, the choice is written into the workbook's state, a re-opened pane uses
 * it, and the CLI scoring the same workbook (saved as .xlsx) gives the same ranks.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as React from "react";
import ExcelJS from "exceljs";
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter } from "../../src/adapters/office";
import { App } from "../../src/taskpane/components/App";
import { defaultScoring } from "../../src/taskpane/scoring";
import { STATE_SHEET } from "../../src/model/plan";
import { stateFromChunks } from "../../src/plan";
import type { RunResult } from "../../src/taskpane/scoring";
import { gridFromTsv } from "../fixtures/grids/tsv";
import { cli, tmpDir } from "../cli/helpers";

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;

/** Two agencies the names tell, two units nothing tells (a clerk's short names). */
const TABLE = `
STT	Tên đơn vị	Tổng điểm
1	Sở Tư pháp	91,5
2	Sở Y tế	85
3	Long Xuyên	88
4	Châu Đốc	80
`;
const SHEET = "Bảng";

function open(excel: FakeExcel) {
  const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
  const scoring = defaultScoring();
  // The pane's runs resolve later (the scoring worker's answer): keep each result as it arrives.
  const settled: RunResult[] = [];
  const original = scoring.run;
  const run = jest.spyOn(scoring, "run").mockImplementation(async (...args) => {
    const result = await original(...args);
    settled.push(result);
    return result;
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} scoring={scoring} />
    </FluentProvider>,
  );
  const last = (): RunResult => settled[settled.length - 1];
  return { run, last };
}

const ranks = (r: RunResult) => r.scored.units.map((u) => u.rank);
const select = (name: string | RegExp) => screen.getByRole("combobox", { name }) as HTMLSelectElement;

async function choose(name: string | RegExp, value: string) {
  await act(async () => {
    fireEvent.change(select(name), { target: { value } });
  });
  await waitFor(() => expect(select(name).value).toBe(value));
}

/** The fake workbook as an .xlsx file: every sheet's values, the state sheet very hidden. */
async function saveAsXlsx(excel: FakeExcel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of excel.model.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    if (sheet.visibility === "VeryHidden") ws.state = "veryHidden";
    const used = sheet.usedRange(true);
    if (!used) continue;
    for (let r = used.top; r <= used.bottom; r++) {
      for (let c = used.left; c <= used.right; c++) {
        const v = sheet.cell(r, c).value;
        if (v !== "" && v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }
    }
  }
  await wb.xlsx.writeFile(file);
}

function storedChoices(excel: FakeExcel) {
  const sheet = excel.model.sheet(STATE_SHEET)!;
  const chunks: string[] = [];
  for (let r = 0; typeof sheet.cell(r, 0).value === "string" && sheet.cell(r, 0).value !== ""; r++) chunks.push(sheet.cell(r, 0).value as string);
  return stateFromChunks(chunks)?.choices;
}

afterEach(cleanup);

// Without a worker the pane loads the worker's code on first use: load it once, before the tests' clocks start.
beforeAll(() => import("../../src/taskpane/scoring-answer"), 60_000);

describe("level control", () => {
  test("units without a level are named; 'Cả bảng là sở, ban, ngành' ranks all four in one list, is stored, re-opened and used by the CLI", async () => {
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(gridFromTsv(TABLE, { numeric: true, sheet: SHEET })));
    const first = open(excel);
    await screen.findByRole("table", { name: "Xem trước kết quả" }, { timeout: 10_000 });
    // As read: two agencies ranked 1, 2 and the two unknown units ranked apart, 1, 2.
    expect(ranks(first.last())).toEqual([1, 2, 1, 2]);
    expect(screen.getByText(/Chưa rõ cấp của 2 đơn vị \(Long Xuyên; Châu Đốc\)/)).toBeTruthy();
    expect(select("Cấp của các đơn vị").value).toBe("auto");

    await choose("Cấp của các đơn vị", "table:department");
    expect(first.last().choices).toEqual({ levels: { table: "department" } });
    expect(ranks(first.last())).toEqual([1, 3, 2, 4]);
    expect(screen.queryByText(/Chưa rõ cấp/)).toBeNull();
    expect(screen.getByText("Hiện có: 4 sở, ban, ngành")).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    await screen.findByText(/Đã ghi \d+ ô/);
    expect(storedChoices(excel)).toEqual({ levels: { table: "department" } });
    const rankColumn = [1, 2, 3, 4].map((r) => excel.model.sheet(SHEET)!.cell(r, 4).value);
    expect(excel.model.sheet(SHEET)!.cell(0, 4).value).toBe("Xếp hạng");
    expect(rankColumn).toEqual([1, 3, 2, 4]);

    // A colleague opens the workbook: the pane reads the stored level and ranks alike.
    cleanup();
    const second = open(excel);
    await screen.findByRole("table", { name: "Xem trước kết quả" }, { timeout: 10_000 });
    expect(select("Cấp của các đơn vị").value).toBe("table:department");
    expect(ranks(second.last())).toEqual([1, 3, 2, 4]);

    // The CLI on the same workbook, no options: the same ranks.
    const dir = await tmpDir();
    try {
      const file = path.join(dir, "bang.xlsx");
      await saveAsXlsx(excel, file);
      const r = await cli("score", file, "--out", path.join(dir, "kq.xlsx"), "--json");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { units: { rank: number }[] }).units.map((u) => u.rank)).toEqual([1, 3, 2, 4]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test("ranking scope and tie rule: 'Chung cả bảng' is the CLI's --xep-hang ca-bang, and it is written with the state", async () => {
    const excel = new FakeExcel(FakeWorkbookModel.fromGrid(gridFromTsv(TABLE, { numeric: true, sheet: SHEET })));
    const pane = open(excel);
    await screen.findByRole("table", { name: "Xem trước kết quả" }, { timeout: 10_000 });
    expect(select("Xếp hạng").value).toBe("level");
    await choose("Xếp hạng", "all");
    expect(ranks(pane.last())).toEqual([1, 3, 2, 4]);
    await choose("Khi bằng điểm", "dense");
    expect(pane.last().profile.ranking).toEqual({ scope: "all", tie: "dense" });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi kết quả" }));
    });
    await screen.findByText(/Đã ghi \d+ ô/);
    expect(storedChoices(excel)).toEqual({ ranking: { scope: "all", tie: "dense" } });
    // Back to levels as the table tells: the two unknown units stay apart again.
    await choose("Xếp hạng", "level");
    expect(ranks(pane.last())).toEqual([1, 2, 1, 2]);
  });
});

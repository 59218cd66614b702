/**
 * @jest-environment jsdom
 *
 * The task pane and the workbook's sheet "Phương pháp chấm điểm" (fake Excel, real pipeline):
 * the sheet is the method, its mistakes are listed at their cells with nothing scored, the
 * picker works before any result, and the button writes the method into the sheet.
 */
import * as React from "react";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FakeExcel, FakeWorkbookModel } from "../../fake-excel";
import { createOfficeAdapter } from "../../src/adapters/office";
import { createMethodSheetAdapter } from "../../src/adapters/office/method-sheet";
import { METHOD_SHEET, parseProfile } from "../../src/model/profile";
import { getProfile } from "../../src/profiles";
import { methodToSheet } from "../../src/profiles/sheet";
import { App } from "../../src/taskpane/components/App";
import { defaultScoring } from "../../src/taskpane/scoring";
import { PHU_TAN_SHEET, phuTanGrid } from "../office/phu-tan-grid";
import type { CellValue } from "../../src/model/grid";

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(40000);

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver;

function setup(methodValues?: CellValue[][]) {
  const grid = phuTanGrid();
  const sheets = [{ name: PHU_TAN_SHEET, origin: grid.origin, values: grid.values, numberFormats: grid.numberFormats, underlines: grid.underlines, merges: grid.merges }];
  const excel = new FakeExcel(FakeWorkbookModel.create(methodValues ? [...sheets, { name: METHOD_SHEET, values: methodValues }] : sheets));
  const adapter = createOfficeAdapter({ run: excel.run, mergedAreas: true });
  render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} scoring={defaultScoring()} methodSheet={createMethodSheetAdapter(excel.run)} />
    </FluentProvider>,
  );
  return excel;
}

const preview = () => screen.findByRole("table", { name: "Xem trước kết quả" }, { timeout: 15_000 });

function anGiangSheet(edit: (values: CellValue[][]) => void): CellValue[][] {
  const base = getProfile("an-giang-tuan")!;
  const values = methodToSheet(parseProfile({ ...base, version: "2024.9" })).values.map((r) => [...r]);
  edit(values);
  return values;
}

test("a method sheet in the workbook is the method, and the pane says where it came from", async () => {
  setup(anGiangSheet(() => undefined));
  await preview();
  expect(screen.getByText("Theo trang “Phương pháp chấm điểm” trong sổ này", { exact: false })).toBeTruthy();
  expect(screen.getByText(/phiên bản 2024\.9/)).toBeTruthy();
});

test("a broken method sheet: its mistakes at their cells, nothing scored; the picker scores with a built-in", async () => {
  const values = anGiangSheet((v) => {
    const row = v.findIndex((r) => r[1] === "KHÁ");
    v[row][0] = "bảy mươi";
  });
  const row = values.findIndex((r) => r[1] === "KHÁ") + 1;
  setup(values);
  expect(await screen.findByRole("heading", { name: "Trang “Phương pháp chấm điểm” có 1 lỗi" })).toBeTruthy();
  expect(screen.getByText(`'${METHOD_SHEET}'!A${row}`, { exact: false })).toBeTruthy();
  expect(screen.getByText(/"bảy mươi" không phải là số/)).toBeTruthy();
  expect(screen.queryByRole("table", { name: "Xem trước kết quả" })).toBeNull();
  const picker = screen.getByRole("combobox", { name: "Phương pháp chấm điểm" });
  fireEvent.change(picker, { target: { value: "an-giang-tuan" } });
  await preview();
  expect(screen.getByText("Do bạn chọn", { exact: false })).toBeTruthy();
});

test("the button writes the method in use into the sheet, and asks before replacing an edited one", async () => {
  const excel = setup();
  await preview();
  fireEvent.click(screen.getByRole("button", { name: "Ghi trang phương pháp" }));
  await screen.findByText(/Đã ghi phương pháp “An Giang — bảng tuần \(Phú Tân\)” vào trang “Phương pháp chấm điểm”/);
  const sheet = excel.model.sheet(METHOD_SHEET)!;
  expect(sheet.cell(0, 0).value).toBe("PHƯƠNG PHÁP CHẤM ĐIỂM");
  // The user edits the sheet; the pane asks before replacing it, and "Giữ trang" keeps it.
  let row = 0;
  while (sheet.cell(row, 0).value !== "Phiên bản") row++;
  sheet.update(row, 1, { value: "2025-thu" });
  fireEvent.click(screen.getByRole("button", { name: "Ghi trang phương pháp" }));
  fireEvent.click(await screen.findByRole("button", { name: "Giữ trang" }));
  await waitFor(() => expect(screen.queryByRole("button", { name: "Giữ trang" })).toBeNull());
  expect(excel.model.sheet(METHOD_SHEET)!.cell(row, 1).value).toBe("2025-thu");
});

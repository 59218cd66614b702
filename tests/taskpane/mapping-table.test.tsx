/**
 * @jest-environment jsdom
 *
 * The compact mapping rows: the whole field label shown, the header's full text on hover,
 * the confidence badge by strength, and a reason only where it tells the user something.
 */
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ColumnMatch } from "../../src/model/table";
import { getProfile } from "../../src/profiles";
import { MappingTable, matchStrength, SHOWN_COLUMNS } from "../../src/taskpane/components/MappingTable";
import { fieldLabel } from "../../src/model/field-labels";

const profile = getProfile("qd766")!;

const match = (partial: Partial<ColumnMatch> & { letter: string }): ColumnMatch => ({
  col: partial.letter.charCodeAt(0) - 65,
  header: "Tiêu đề",
  field: null,
  confidence: 0,
  reason: "",
  source: "none",
  ...partial,
});

const MAPPING: ColumnMatch[] = [
  match({ letter: "B", header: "Tên đơn vị", field: "name", confidence: 1, reason: "khớp tên cột (độ tin cậy 100%)", source: "header" }),
  match({ letter: "C", header: "Số hóa › Tỷ lệ hồ sơ được số hóa có kết nối, chia sẻ dữ liệu", field: "6.4.ratio", confidence: 0.7, reason: "gần giống 'Tái sử dụng' (độ tin cậy 70%)", source: "header" }),
  match({ letter: "D", header: "Tổng", field: "total", confidence: 1, reason: "theo ánh xạ của người dùng", source: "mapping" }),
  match({ letter: "E", header: "Ghi chú", reason: "không khớp trường nào của phương pháp", unused: "no-field" }),
  match({ letter: "F", header: "Điểm", reason: "khớp nhiều trường, cần chọn trong ánh xạ cột", unused: "ambiguous" }),
];

function row(letter: string): HTMLElement {
  return screen.getByRole("combobox", { name: `Trường của cột ${letter}` }).closest("tr") as HTMLElement;
}

describe("mapping rows", () => {
  test("strength of a match", () => {
    const chosen = new Set(["D"]);
    expect(MAPPING.map((m) => matchStrength(m, chosen))).toEqual(["strong", "weak", "user", "unused", "unused"]);
    // A column mapped by the workbook's saved run, not by the user here, is not called the user's.
    expect(matchStrength(MAPPING[2])).toBe("kept");
  });

  test("badges, whole labels, and reasons only for weak, user-mapped and ambiguous columns", () => {
    const onChange = jest.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <MappingTable profile={profile} mapping={MAPPING} chosen={new Set(["D"])} onChange={onChange} />
      </FluentProvider>,
    );
    // Strong: badge, no repeated reason.
    expect(within(row("B")).getByText("100%")).toBeTruthy();
    expect(within(row("B")).queryByText(/khớp tên cột/)).toBeNull();
    // Weak: the reason, and the whole long label of the chosen field.
    expect(within(row("C")).getByText("70%")).toBeTruthy();
    expect(within(row("C")).getByText(/gần giống/)).toBeTruthy();
    const label = fieldLabel(profile, "6.4.ratio");
    expect(label.length).toBeGreaterThan(60);
    expect(row("C").querySelector("[data-chosen-label]")?.textContent).toBe(label);
    // The header is cut in the layout but whole on hover.
    expect(within(row("C")).getByTitle(MAPPING[1].header)).toBeTruthy();
    // The user's own choice says so in its badge, in one line; ambiguous says why; a plain unmatched column does not.
    expect(within(row("D")).getByText("bạn chọn")).toBeTruthy();
    expect(within(row("D")).queryByText(/ánh xạ/)).toBeNull();
    expect(within(row("F")).getByText(/khớp nhiều trường/)).toBeTruthy();
    expect(within(row("E")).queryByText(/không khớp/)).toBeNull();
    expect(within(row("E")).getByText("không dùng")).toBeTruthy();

    fireEvent.change(screen.getByRole("combobox", { name: "Trường của cột E" }), { target: { value: "total" } });
    expect(onChange).toHaveBeenCalledWith("E", "total");
    fireEvent.change(screen.getByRole("combobox", { name: "Trường của cột B" }), { target: { value: "" } });
    expect(onChange).toHaveBeenLastCalledWith("B", null);
  });

  test("a column the tool did not write into says where its results went and why", () => {
    const outputs = [
      { field: "rating", col: 9, letter: "J", header: "Xếp loại", added: true, why: "tiêu đề cột C “Số hóa” chỉ gần giống “Xếp loại” (70 %), không ghi vào đó", instead: "C" },
      { field: "rank", col: 10, letter: "K", header: "Xếp hạng", added: true },
    ];
    render(
      <FluentProvider theme={webLightTheme}>
        <MappingTable profile={profile} mapping={MAPPING} outputs={outputs} onChange={jest.fn()} />
      </FluentProvider>,
    );
    expect(within(row("C")).getByText("Ghi vào cột J “Xếp loại” do công cụ thêm: tiêu đề cột C “Số hóa” chỉ gần giống “Xếp loại” (70 %), không ghi vào đó.")).toBeTruthy();
    // Only the column passed over says so; an output added because the table had none is not tied to a column.
    expect(document.querySelectorAll("[data-moved-to]").length).toBe(1);
    expect(within(row("B")).queryByText(/do công cụ thêm/)).toBeNull();
  });

  test("field labels carry no internal codes: national indicators keep their number, a profile's own ids are left out", () => {
    expect(fieldLabel(profile, "6.4.ratio")).toMatch(/^6\.4 /);
    const anGiang = getProfile("an-giang-tuan")!;
    const labels = anGiang.indicators.map((ind) => fieldLabel(anGiang, `${ind.id}.ratio`));
    for (const [i, ind] of anGiang.indicators.entries()) expect(labels[i].startsWith(`${ind.id} `)).toBe(false);
    expect(fieldLabel(anGiang, "dvctt.ratio")).toBe("DVCTT — tỷ lệ %");
    expect(fieldLabel(anGiang, "khong-co.ratio")).not.toMatch(/khong-co/);
  });

  test("a wide table lists the columns to look at and the first others; the rest are one click away", () => {
    const letters = Array.from({ length: 40 }, (_, i) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`));
    const wide = letters.map((letter, i) =>
      i === 33
        ? match({ letter, header: "Gần giống", field: "6.4.ratio", confidence: 0.7, reason: "gần giống 'Tái sử dụng' (độ tin cậy 70%)", source: "header" })
        : match({ letter, header: `Cột ${letter}`, field: "name", confidence: 1, reason: "khớp tên cột", source: "header" }),
    );
    render(
      <FluentProvider theme={webLightTheme}>
        <MappingTable profile={profile} mapping={wide} onChange={jest.fn()} />
      </FluentProvider>,
    );
    const shown = () => screen.getAllByRole("combobox").map((s) => s.getAttribute("aria-label")!.replace("Trường của cột ", ""));
    // The guess far down the table is listed, in its place after the first others.
    expect(shown()).toEqual([...letters.slice(0, SHOWN_COLUMNS - 1), "AH"]);
    expect(screen.getByText(`… và ${40 - SHOWN_COLUMNS} cột khác đã khớp chắc chắn hoặc không dùng.`)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Xem cả 40 cột" }));
    expect(shown()).toEqual(letters);
    fireEvent.click(screen.getByRole("button", { name: "Thu gọn danh sách cột" }));
    expect(shown()).toHaveLength(SHOWN_COLUMNS);
  });
});

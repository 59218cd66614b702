/**
 * @jest-environment jsdom
 *
 * The preview table at Excel's pane width: no column of dashes when there is no previous
 * period, unit names without the shared "UBND" prefix (full name kept as the tooltip).
 */
import * as React from "react";
import { cleanup, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Preview } from "../../src/taskpane/components/Preview";
import { getProfile } from "../../src/profiles";
import type { Profile } from "../../src/model/profile";
import type { ScoredUnit } from "../../src/model/units";
import type { WritePlan } from "../../src/model/plan";
import type { PlannedWrite } from "../../src/plan";
import { planLines } from "../../src/cli/summary";

const PLAN: WritePlan = { sheet: "Phụ lục", columns: [], blocks: [], underline: { set: [], clear: [] }, previous: [], conflicts: [] };

function unit(row: number, name: string, total: number, change: number | null): ScoredUnit {
  return {
    row,
    name,
    key: name,
    code: null,
    level: null,
    aggregate: false,
    indicators: {},
    groups: {},
    total,
    converted: null,
    rating: "Khá",
    ratingKey: "kha",
    rank: row,
    previous: change === null ? null : total - change,
    change,
    flags: [],
    problems: [],
  };
}

function profileWithChange(id: string): Profile {
  const p = getProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return { ...p, change: true };
}

function show(units: ScoredUnit[], profile: Profile, plan: WritePlan = PLAN) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Preview profile={profile} units={units} plan={plan} />
    </FluentProvider>,
  );
  return screen.getByRole("table", { name: "Xem trước kết quả" });
}

describe("preview", () => {
  test("drops the ± column when no unit has a previous period", () => {
    const table = show([unit(1, "UBND phường Him Lam", 71.6, null), unit(2, "UBND xã Thanh Minh", 68.2, null)], profileWithChange("dien-bien-2023"));
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).not.toContain("±");
  });

  test("keeps the ± column when some unit has a change", () => {
    const table = show([unit(1, "PHÚ HÙNG", 89.21, 11.83), unit(2, "PHÚ BÌNH", 89.12, null)], profileWithChange("an-giang-tuan"));
    const headers = within(table).getAllByRole("columnheader").map((h) => h.textContent);
    expect(headers).toContain("±");
    expect(within(table).getByText("+11,83")).toBeTruthy();
  });

  test("shows names without the shared UBND prefix, the full name as the tooltip", () => {
    const table = show([unit(1, "UBND phường Him Lam", 71.6, null)], profileWithChange("dien-bien-2023"));
    const cell = within(table).getByText("phường Him Lam");
    expect(cell.getAttribute("title")).toBe("UBND phường Him Lam");
  });

  test("counts ratings best to worst whatever order the units come in", () => {
    const profile = getProfile("qd766-nhom")!;
    const rated = (row: number, rating: string) => ({ ...unit(row, `UBND xã ${row}`, 50, null), rating });
    show([rated(1, "Yếu"), rated(2, "Khá"), rated(3, "Xuất sắc"), rated(4, "Khá"), rated(5, "Tốt")], profile);
    expect(screen.getByText(/đơn vị/).textContent).toMatch(/Xuất sắc: 1, Tốt: 1, Khá: 2, Yếu: 1/);
  });

  test("says the level beside each unit when ranks are counted per level", () => {
    const profile = getProfile("qd766-nhom")!;
    expect(profile.ranking?.scope).toBe("level");
    const table = show([{ ...unit(1, "UBND xã Mỹ Thanh", 83.7, null), level: "commune", rank: 1 }, { ...unit(2, "Tỉnh Hòa Bình", 58.7, null), level: "province", rank: 1 }], profile);
    expect(within(table).getByText("Cấp xã")).toBeTruthy();
    expect(within(table).getByText("Cấp tỉnh")).toBeTruthy();
    expect(screen.getByText(/xếp hạng riêng theo từng cấp/)).toBeTruthy();
  });

  test("a unit with an unusable cell: “Ô lỗi” for its rating with the reason as tooltip, no rank, counted in the summary", () => {
    const bad: ScoredUnit = { ...unit(2, "UBND xã Thanh Minh", 68.2, null), rating: null, ratingKey: null, rank: null, notRated: { cell: "'Phụ lục'!C12", why: '"16/,6" không phải là số', others: 0 } };
    const table = show([unit(1, "UBND phường Him Lam", 71.6, null), bad], getProfile("dien-bien-2023") as Profile);
    const row = within(table).getAllByRole("row")[2];
    const cells = within(row).getAllByRole("cell");
    const rating = within(row).getByText("Ô lỗi");
    expect(rating.getAttribute("title")).toBe(`Chưa xếp loại, xếp hạng vì ô 'Phụ lục'!C12 có lỗi: "16/,6" không phải là số`);
    expect(cells[cells.length - 1].textContent).toBe("—");
    expect(screen.getByText(/1 chưa xếp loại vì có ô lỗi/)).toBeTruthy();
  });

  test("counts underlined cells as the CLI does: cells, not ranges, and only those that change", () => {
    const plan: WritePlan = { ...PLAN, underline: { set: ["D7:D9", "F7", "G10:H11"], clear: ["C8:C9"] } };
    show([unit(1, "UBND phường Him Lam", 71.6, null)], getProfile("dien-bien-2023") as Profile, plan);
    // C8:C9 were not underlined (nothing read says so): there is nothing to clear.
    expect(screen.getByText(/đơn vị/).textContent).toMatch(/ · gạch chân thêm 8 ô$/);
    // The CLI counts what really changes: C8:C9 were not underlined, so none is cleared.
    expect(planLines({ ...plan, restored: [] } as unknown as PlannedWrite)).toContain("Gạch chân thêm 8 ô, bỏ gạch chân 0 ô.");
  });

  test("counts the cells whose value changes, not the cells planned, and says when a write would change nothing", () => {
    const profile = getProfile("dien-bien-2023") as Profile;
    const column: WritePlan["columns"][number] = { col: 7, letter: "H", header: "Xếp hạng", field: "rank", added: true };
    const plan: WritePlan = {
      ...PLAN,
      columns: [column],
      blocks: [{ address: "H6:H8", row: 5, col: 7, values: [[1], [2], [3]], numberFormats: [[null], [null], [null]] }],
      // H6 and H7 already hold their rank: only H8 changes.
      previous: [
        { address: "H6", value: 1, numberFormat: "General", underline: false },
        { address: "H7", value: 2, numberFormat: "General", underline: false },
        { address: "H8", value: 7, numberFormat: "General", underline: false },
      ],
    };
    show([unit(1, "UBND phường Him Lam", 71.6, null)], profile, plan);
    expect(screen.getByText(/đơn vị/).textContent).toMatch(/ · sẽ ghi 1 ô \(cột H\)$/);
    cleanup();
    const unchanged = { ...plan, previous: plan.previous.map((s) => (s.address === "H8" ? { ...s, value: 3 } : s)) };
    show([unit(1, "UBND phường Him Lam", 71.6, null)], profile, unchanged);
    expect(screen.getByText(/đơn vị/).textContent).not.toMatch(/sẽ ghi/);
    expect(screen.getByText(/^Không có ô nào cần ghi trên trang Phụ lục: các ô đã có đúng kết quả này\./)).toBeTruthy();
  });
});

/**
 * "Phiếu điểm": a page per unit — the plan's content (groups against maxima, flags, change and
 * rank, five priorities) and, printed through LibreOffice, one A4 page per unit.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { applySheetPlan } from "../../src/adapters/exceljs/sheet-plan";
import { gridFromWorksheet, loadWorkbook, pickSheet } from "../../src/adapters/exceljs";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { compareResults } from "../../src/report/compare";
import { planScorecards, priorities } from "../../src/report/scorecard";
import type { ScoreResult } from "../../src/model/units";
import { EXAMPLES, tmpDir } from "../cli/helpers";
import { dienBienProfile, dienBienResult } from "./fixtures/dien-bien";
import { findPhrase, pdfPages, toPdf } from "./pdf";

jest.setTimeout(180_000);

const texts = (plan: { values: unknown[][] }) => plan.values.flat().filter((v): v is string => typeof v === "string");

describe("scorecard plan", () => {
  const result = dienBienResult();
  const plan = planScorecards(result, dienBienProfile, { period: "Tháng 9 năm 2023", cutoffDate: "Ngày 05/10/2023" });

  test("a page per unit: a page break before every unit but the first, each page headed by its unit", () => {
    const units = result.units.filter((u) => !u.aggregate);
    expect(plan.pageBreaks).toHaveLength(units.length - 1);
    const starts = [0, ...(plan.pageBreaks ?? [])];
    const names = starts.map((r) => plan.values[r + 1]?.[0]);
    expect(new Set(names)).toEqual(new Set(units.map((u) => u.name)));
    expect(plan.print.fitToWidth).toBe(0); // Excel drops manual breaks under fit-to-page
  });

  test("five priorities: the largest shortfalls against the maximum, largest first, when there is no last period", () => {
    const him = result.units.find((u) => u.name === "UBND phường Him Lam")!;
    const list = priorities(him, undefined, dienBienProfile);
    const gaps = dienBienProfile.indicators
      .filter((i) => i.max > 0 && him.indicators[i.id]?.points !== null && (him.indicators[i.id]?.points as number) < i.max)
      .map((i) => i.max - (him.indicators[i.id]?.points as number))
      .sort((a, b) => b - a)
      .slice(0, 5);
    expect(list).toHaveLength(gaps.length);
    list.forEach((line, i) => expect(line).toContain(`còn thiếu ${String(Math.round(gaps[i] * 100) / 100).replace(".", ",")} điểm`));
  });

  test("drops against the last period come first", () => {
    const previous: ScoreResult = {
      ...result,
      units: result.units.map((u) =>
        u.name === "UBND phường Him Lam" ? { ...u, indicators: { ...u.indicators, dvtt1: { ratio: null, points: 10 } } } : u,
      ),
    };
    const comparison = compareResults(result, previous);
    const him = result.units.find((u) => u.name === "UBND phường Him Lam")!;
    const before = comparison.matched.find((m) => m.current === him)!.previous;
    const first = priorities(him, before, dienBienProfile)[0];
    const dropped = him.indicators.dvtt1?.points;
    expect(dropped).toBeDefined();
    expect(first).toMatch(/giảm .* so với kỳ trước/);
    expect(texts(planScorecards(result, dienBienProfile, { comparison }))).toContain(`1. ${first}`);
  });
});

describe("scorecards printed (Điện Biên example)", () => {
  test("one A4 page per unit, each with its name, its groups and its priorities", async () => {
    const { workbook } = await loadWorkbook(path.join(EXAMPLES, "dien-bien-2023-09.xlsx"));
    const run = runScoring(gridFromWorksheet(pickSheet(workbook)), { profiles: BUILTIN_PROFILES, state: null });
    const plan = planScorecards(run.scored, run.profile, { period: "THÁNG 9 NĂM 2023" });
    const wb = new ExcelJS.Workbook();
    applySheetPlan(wb, plan);
    const dir = await tmpDir();
    const file = path.join(dir, "phieu-diem.xlsx");
    await wb.xlsx.writeFile(file);
    const [pdf] = await toPdf([file], dir);
    const pages = await pdfPages(pdf);
    const units = run.scored.units.filter((u) => !u.aggregate);
    expect(pages).toHaveLength(units.length);
    pages.forEach((page) => {
      const unit = units.find((u) => findPhrase(page, u.name));
      expect(unit).toBeDefined();
      expect(findPhrase(page, "Năm việc cần ưu tiên")).not.toBeNull();
      expect(findPhrase(page, "Nhóm mức độ hài lòng")).not.toBeNull();
      // The page is A4 portrait and nothing is cut at the right edge.
      expect(Math.round(page.width)).toBe(595);
      expect(page.words.every((w) => w.xMax <= page.width - 20)).toBe(true);
    });
  });
});

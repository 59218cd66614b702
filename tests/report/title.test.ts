/**
 * The title block read from the rows above a table: an official two-block header keeps the issuing
 * body and drops the Quốc hiệu/Tiêu ngữ; the data's extraction date fills the cut-off date.
 */
import { planAppendix } from "../../src/report/appendix";
import { titleInputs } from "../../src/report/title";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import type { Grid } from "../../src/model/grid";
import { gridFromTsv } from "../fixtures/grids/tsv";
import { LAO_CAI_MERGES, NUMBERING_ROWS, laoCaiNumbered } from "../fixtures/tables/lao-cai-numbered";

const laoCai = gridFromTsv(laoCaiNumbered(NUMBERING_ROWS["(9)=(3)+…+(8)"]), { numeric: true, sheet: "T10", merges: LAO_CAI_MERGES });
const TITLE = "BẢNG TỔNG HỢP KẾT QUẢ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 10/2025";
const SOURCE = "(Số liệu trích xuất từ Cổng Dịch vụ công quốc gia ngày 05/11/2025)";

describe("an official two-block header above the table", () => {
  test("the issuing body and the table title, without the Quốc hiệu and Tiêu ngữ", () => {
    const t = titleInputs(laoCai, 6);
    expect(t.title).toBe(`UBND TỈNH LÀO CAI\nVĂN PHÒNG\n${TITLE}`);
    expect(t.title).not.toMatch(/CỘNG HÒA|Độc lập/);
  });

  test("the place-and-date line and a rule under the blocks are not title lines", () => {
    const grid: Grid = {
      sheet: "S",
      origin: { row: 0, col: 0 },
      values: [
        ["UBND HUYỆN BẢO THẮNG", null, null, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["VĂN PHÒNG HĐND VÀ UBND", null, null, "Độc lập – Tự do – Hạnh phúc"],
        ["________", null, null, "_______________"],
        [null, null, null, "Bảo Thắng, ngày 06 tháng 11 năm 2025"],
        ["KẾT QUẢ ĐÁNH GIÁ THÁNG 10/2025", null, null, null],
        ["STT", "Tên đơn vị", "Tổng điểm", "Xếp loại"],
      ],
    };
    expect(titleInputs(grid, 5).title).toBe("UBND HUYỆN BẢO THẮNG\nVĂN PHÒNG HĐND VÀ UBND\nKẾT QUẢ ĐÁNH GIÁ THÁNG 10/2025");
  });
});

describe("the data's date", () => {
  test('"(Số liệu trích xuất … ngày 05/11/2025)" fills the cut-off date and stays as written', () => {
    const t = titleInputs(laoCai, 6);
    expect(t.cutoffDate).toBe("05/11/2025");
    expect(t.references).toBe(SOURCE);
  });

  test.each([
    ["(Số liệu tính đến ngày 5 tháng 11 năm 2025)", "5 tháng 11 năm 2025"],
    ["(Dữ liệu tổng hợp từ Cổng DVCQG ngày 30/9/2025)", "30/9/2025"],
    ["(Kèm theo Báo cáo số 12/BC-UBND ngày 05/11/2025)", ""],
  ])("%s → %p", (line, date) => {
    const grid: Grid = { sheet: "S", origin: { row: 0, col: 0 }, values: [["KẾT QUẢ"], [line], ["STT"]] };
    expect(titleInputs(grid, 2).cutoffDate).toBe(date);
  });

  test("the appendix prints the source line once, with no second cut-off line repeating its date", () => {
    const run = runScoring(laoCai, { profiles: BUILTIN_PROFILES });
    const t = titleInputs(laoCai, run.read.layout.headerTop);
    const plan = planAppendix(run.scored, run.profile, {
      title: t.title.split("\n"),
      cutoffDate: t.cutoffDate,
      referenceLines: t.references.split("\n"),
    });
    const firstCells = plan.values.slice(0, 6).map((r) => r[0]);
    expect(firstCells.slice(0, 4)).toEqual(["UBND TỈNH LÀO CAI", "VĂN PHÒNG", TITLE, SOURCE]);
    expect(plan.values.flat().filter((v) => typeof v === "string" && v.includes("05/11/2025"))).toEqual([SOURCE]);
  });

  test("a cut-off date the source line does not give is still printed", () => {
    const run = runScoring(laoCai, { profiles: BUILTIN_PROFILES });
    const plan = planAppendix(run.scored, run.profile, { title: ["KẾT QUẢ"], cutoffDate: "06/11/2025", referenceLines: [SOURCE] });
    expect(plan.values.slice(0, 4).map((r) => r[0])).toEqual(["KẾT QUẢ", SOURCE, "(Thời gian chốt số liệu: 06/11/2025)", undefined]);
  });
});

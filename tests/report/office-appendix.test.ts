import { addAppendixCharts } from "../../src/adapters/office/charts";
import { writeAppendixSheet } from "../../src/adapters/office/appendix";
import { planAppendix } from "../../src/report/appendix";
import { RATING_COLORS } from "../../src/report/charts";
import { phuTanProfile, phuTanResult } from "./fixtures/phu-tan";

/**
 * A recording stand-in for Excel.RequestContext: every property path read returns a proxy,
 * every assignment and call is logged as text, sync() is counted. Sheets listed in
 * `existing` have the given left footer.
 */
function recorder(existing: Record<string, string> = {}) {
  const log: string[] = [];
  let syncs = 0;
  const make = (path: string): unknown =>
    new Proxy(function () {}, {
      get(_t, prop) {
        if (typeof prop === "symbol") return undefined;
        if (path === "workbook.worksheets" && prop === "items") return Object.keys(existing).map((name) => ({ name }));
        if (prop === "leftFooter") {
          const m = /getItem\("([^"]+)"\)/.exec(path);
          return m ? (existing[m[1]] ?? "") : "";
        }
        return make(`${path}.${prop}`);
      },
      set(_t, prop, value) {
        log.push(`${path}.${String(prop)} = ${JSON.stringify(value)}`);
        return true;
      },
      apply(_t, _this, args) {
        const call = `${path}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
        log.push(call);
        return make(call);
      },
    });
  const context = {
    workbook: make("workbook"),
    sync: async () => {
      syncs++;
    },
  };
  return { context: context as unknown as Excel.RequestContext, log, syncs: () => syncs };
}

describe("Office.js appendix and charts", () => {
  const plan = planAppendix(phuTanResult(), phuTanProfile, { title: "BỘ CHỈ SỐ", cutoffDate: "Ngày 06/5/2024" });

  test("a new sheet in one write batch: 2-D values, fonts, page setup, repeated header rows", async () => {
    const r = recorder({ Sheet1: "" });
    const name = await writeAppendixSheet(r.context, plan);
    expect(name).toBe("Phụ lục xếp loại");
    expect(r.syncs()).toBe(2);
    const text = r.log.join("\n");
    expect(text).toContain('workbook.worksheets.add("Phụ lục xếp loại")');
    const valueWrites = r.log.filter((l) => /\.values = /.test(l));
    expect(valueWrites).toHaveLength(1);
    const values = JSON.parse(valueWrites[0].slice(valueWrites[0].indexOf("= ") + 2)) as unknown[][];
    expect(values).toHaveLength(plan.layout.lastRow + 1);
    expect(values[plan.layout.dataTop][1]).toBe("TOÀN HUYỆN");
    expect(typeof values[plan.layout.dataTop + 1][2]).toBe("number");
    expect(text).toContain('format.font.name = "Times New Roman"');
    expect(text).toContain("format.font.size = 13");
    expect(text).toContain('pageLayout.orientation = "Landscape"');
    expect(text).toContain('pageLayout.paperSize = "A4"');
    expect(text).toContain('pageLayout.zoom = {"horizontalFitToPages":1,"verticalFitToPages":0}');
    expect(text).toContain(`pageLayout.setPrintTitleRows("$${plan.layout.headerTop + 1}:$${plan.layout.headerBottom + 1}")`);
    expect(r.log.filter((l) => l.endsWith('format.font.underline = "Single"'))).toHaveLength(9);
  });

  test("replaces the appendix the tool wrote, keeps a user's sheet of that name", async () => {
    const ours = recorder({ "Phụ lục xếp loại": "&8chiso766" });
    expect(await writeAppendixSheet(ours.context, plan)).toBe("Phụ lục xếp loại");
    expect(ours.log.join("\n")).toContain('getItem("Phụ lục xếp loại").delete()');
    const theirs = recorder({ "Phụ lục xếp loại": "", "Phụ lục xếp loại (2)": "&8chiso766" });
    expect(await writeAppendixSheet(theirs.context, plan)).toBe("Phụ lục xếp loại (2)");
    expect(theirs.log.join("\n")).not.toContain('getItem("Phụ lục xếp loại").delete()');
  });

  test("charts: one sync, bars coloured by rating", async () => {
    const r = recorder();
    await addAppendixCharts(r.context, plan, "Phụ lục xếp loại", "Nhận xét xếp loại");
    expect(r.syncs()).toBe(1);
    const text = r.log.join("\n");
    expect(text).toMatch(/charts\.add\("BarClustered"/);
    expect(text).toMatch(/charts\.add\("ColumnClustered"/);
    const fills = r.log.filter((l) => l.includes("setSolidColor"));
    expect(fills).toHaveLength(18 + 5);
    expect(fills[17]).toContain(RATING_COLORS["trung-binh"]);
    expect(fills[0]).toContain(RATING_COLORS.tot);
  });
});

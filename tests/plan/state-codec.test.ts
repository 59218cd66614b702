/**
 * A received workbook's state is untrusted: readStateChunks accepts the one encoding (and the
 * encodings that shipped before it), refuses anything else with a Vietnamese reason, and a
 * usable state never leads undo outside the cells the run wrote.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- these tests tamper with untyped JSON on purpose */
import fc from "fast-check";
import { a1, parseRangeA1 } from "../../src/model/grid";
import { CHISO766_VERSION, type WorkbookState } from "../../src/model/plan";
import { planUndo, planWrite, readStateChunks, stateAfterWrite, stateToChunks } from "../../src/plan";
import { rangeCells } from "../../src/plan/ranges";
import { parseStoredState } from "../../src/plan/state-schema";
import { runScoring } from "../../src/pipeline";
import { applyToGrid, weeklyGrid, weeklyProfile, weeklyRead, weeklyUnits } from "./helpers";
import { mutate, mutationArb } from "./state-hostile";
import packageJson from "../../package.json";

const EXTENT = { rows: 8, cols: 7 };
const extentOf = (sheet: string) => (sheet === "Phụ lục 1" ? EXTENT : null);

function realState(): WorkbookState {
  const grid = weeklyGrid();
  const plan = planWrite({ grid, read: weeklyRead(grid), profile: weeklyProfile(), scored: { profileId: "tuan-thu", units: weeklyUnits(), problems: [] }, state: null });
  return stateAfterWrite(plan, { profile: weeklyProfile(), mapping: { B: "name", C: "total" }, at: new Date("2024-05-06T01:02:03Z") });
}

/** The stored JSON of a real run, as an object to tamper with. */
function stored(): Record<string, unknown> {
  return JSON.parse(stateToChunks(realState()).join("")) as Record<string, unknown>;
}

const read = (doc: unknown) => readStateChunks([JSON.stringify(doc)], { extentOf });
const VIETNAMESE = /[ăâđêôơưạ-ỹ]/i;

describe("reading a stored state", () => {
  test("the sheets a run added are kept with their fingerprints; a bad entry is refused", () => {
    const state = realState();
    const sheets = [{ name: "Phụ lục xếp loại", cells: "a".repeat(64) }];
    const withSheets = { ...state, lastRun: { ...state.lastRun!, sheets } };
    expect(readStateChunks(stateToChunks(withSheets), { extentOf }).state!.lastRun!.sheets).toEqual(sheets);
    for (const bad of [{ name: "", cells: "a".repeat(64) }, { name: "x".repeat(32), cells: "a".repeat(64) }, { name: "P", cells: "not a hash" }]) {
      const doc = JSON.parse(stateToChunks(withSheets).join("")) as any;
      doc.lastRun.sheets = [bad];
      expect(read(doc).state).toBeNull();
      expect(read(doc).issue?.kind).toBe("broken");
    }
  });

  test("the tool's own state is read back as written, with the version that wrote it", () => {
    const doc = stored();
    expect(doc.version).toBe(1);
    expect(doc.app).toBe(CHISO766_VERSION);
    expect(CHISO766_VERSION).toBe(packageJson.version);
    const r = read(doc);
    expect(r.issue).toBeNull();
    expect(r.state).toEqual(JSON.parse(JSON.stringify(realState())));
  });

  test("no state sheet, or an empty one, is no state and no issue", () => {
    expect(readStateChunks([])).toEqual({ state: null, issue: null });
    expect(readStateChunks(["  "])).toEqual({ state: null, issue: null });
  });

  test.each([
    ["v: null", (d: any) => (d.lastRun.segments[0].v = null)],
    ["a number where a list belongs", (d: any) => (d.lastRun.segments = 5)],
    ["a string segment", (d: any) => (d.lastRun.segments[0] = "L5")],
    ["mapping null", (d: any) => (d.mapping = null)],
    ["version missing", (d: any) => delete d.version],
    ["version as text", (d: any) => (d.version = "1")],
  ])("a wrong shape (%s) is refused with a Vietnamese reason", (_, change) => {
    const doc = stored();
    change(doc);
    const r = read(doc);
    expect(r.state).toBeNull();
    expect(r.issue?.kind).toBe("broken");
    expect(r.issue?.message).toMatch(/^Dữ liệu chiso766 lưu trong sổ \(trang ẩn "chiso766_state"\) không dùng được: /);
  });

  test.each(["ZZZ1", "A1048577", "A99999999", "XFE1", "A0", "$A$1", "a5"])("the address %s is refused", (address) => {
    const doc = stored() as any;
    doc.lastRun.segments[0].a = address;
    const r = read(doc);
    expect(r.issue?.kind).toBe("broken");
    expect(r.issue?.message).toMatch(/dữ liệu hoàn tác/);
  });

  test("a segment running past Excel's last row is refused, also without knowing the sheet", () => {
    const doc = stored() as any;
    doc.lastRun.segments = [{ a: "A1048570", v: new Array(10).fill(1) }];
    expect(readStateChunks([JSON.stringify(doc)]).issue?.message).toMatch(/vượt ra ngoài trang tính Excel/);
  });

  test("a segment claiming 2,000,000 cells is refused before its cells are read", () => {
    const doc = stored() as any;
    doc.lastRun.segments = [{ a: "L5", v: new Array(2_000_000).fill(null) }];
    const r = read(doc);
    expect(r.issue?.message).toMatch(/có 2000000 ô, nhiều hơn trang "Phụ lục 1" có thể chứa/);
    // Without the sheet's size, the fixed bound refuses it too.
    expect(readStateChunks([JSON.stringify(doc)]).issue?.message).toMatch(/nhiều hơn/);
  });

  test("cells outside the last run's sheet (widened for added columns) are refused", () => {
    const doc = stored() as any;
    doc.lastRun.segments.push({ a: "A200", v: [1] });
    expect(read(doc).issue?.message).toMatch(/ô A200 của lần chấm trước nằm ngoài vùng dữ liệu của trang "Phụ lục 1"/);
  });

  test("a snapshot holding a formula (or any non-scalar) is refused: undo restores only scalars", () => {
    const doc = stored() as any;
    doc.lastRun.segments[0].s = doc.lastRun.segments[0].v.map(() => [{ formula: 'WEBSERVICE("http://x")' }, "General", 0]);
    expect(read(doc).issue?.kind).toBe("broken");
    const doc2 = stored() as any;
    doc2.lastRun.segments[0].v[0] = { formula: "1+1" };
    expect(read(doc2).issue?.kind).toBe("broken");
  });

  test("underline offsets, text indexes and snapshot lists must fit their segment", () => {
    for (const change of [(s: any) => (s.u = [99]), (s: any) => (s.s = []), (s: any) => ((s.d = ["x"]), (s.v = s.v.map(() => 7)))]) {
      const doc = stored() as any;
      change(doc.lastRun.segments[0]);
      expect(read(doc).issue?.kind).toBe("broken");
    }
  });

  test("a state made by a newer version is named with its version, not read", () => {
    const doc = { ...stored(), version: 2, app: "0.3.1", lastRun: { whatever: true } };
    expect(read(doc)).toEqual({
      state: null,
      issue: { kind: "newer", message: "Dữ liệu chiso766 trong sổ này được tạo bởi phiên bản chiso766 mới hơn (0.3); hãy cập nhật chiso766 rồi mới chấm lại hoặc hoàn tác trên sổ này." },
    });
    expect(read({ version: 7 }).issue?.message).toMatch(/mới hơn \(dữ liệu phiên bản 7\)/);
    // A hand-edited state claiming this very version is named by its data's version.
    expect(read({ version: 2, app: "0.2.0" }).issue?.message).toMatch(/mới hơn \(dữ liệu phiên bản 2\)/);
  });

  test("the encodings that shipped before (cell tuples, column runs, plain lists) still load", () => {
    const expected = {
      sheet: "S",
      at: "t",
      written: [
        { address: "L5", value: 1, underline: false },
        { address: "L6", value: 2, underline: true },
      ],
      previous: [{ address: "L5", value: "cũ", numberFormat: "@", underline: false }],
    };
    const base = { version: 1, profile: null, mapping: {} };
    const tuples = { sheet: "S", at: "t", cells: [["L5", 1, 0, "cũ", "@", 0], ["L6", 2, 1]] };
    const runs = { sheet: "S", at: "t", runs: [["L5", [[1, 0, "cũ", "@", 0], [2, 1]]]] };
    for (const lastRun of [tuples, runs, expected]) {
      expect(readStateChunks([JSON.stringify({ ...base, lastRun })])).toEqual({ state: { ...base, lastRun: expected }, issue: null });
    }
  });

  test("thousands of mutated states: each is used or refused in Vietnamese, and undo stays in the run's cells", () => {
    const docs = [stored(), { version: 1, profile: null, mapping: {}, lastRun: { sheet: "Phụ lục 1", at: "t", runs: [["H5", [[1, 0, "x", "@", 1], [2, 1, 1]]]] } }];
    const grid = applyToGrid(weeklyGrid(), planWrite({ grid: weeklyGrid(), read: weeklyRead(), profile: weeklyProfile(), scored: { profileId: "tuan-thu", units: weeklyUnits(), problems: [] }, state: null }));
    let used = 0;
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        const doc = mutate(docs[which], mutations);
        const r = readStateChunks([JSON.stringify(doc)], { extentOf });
        if (r.issue) {
          expect(r.state).toBeNull();
          expect(r.issue.message).toMatch(VIETNAMESE);
          return;
        }
        if (!r.state) return;
        used++;
        const written = new Set(r.state.lastRun?.written.map((w) => w.address));
        const plan = planUndo(r.state, grid);
        for (const b of plan.blocks) b.values.forEach((row, i) => row.forEach((_, j) => expect(written.has(a1(b.row + i, b.col + j))).toBe(true)));
        for (const c of rangeCells([...plan.underline.set, ...plan.underline.clear], parseRangeA1)) expect(written.has(a1(c.row, c.col))).toBe(true);
        for (const b of plan.blocks) for (const row of b.values) for (const v of row) expect(v === null || ["string", "number", "boolean"].includes(typeof v)).toBe(true);
        // Scoring with it never fails either (its profile or mapping may be dropped, not thrown).
        expect(() => runScoring(grid, { profiles: [weeklyProfile()], profileId: "tuan-thu", state: r.state })).not.toThrow();
      }),
      { numRuns: 1000 },
    );
    expect(used).toBeGreaterThan(20);
  });
});

describe("the recorded source file", () => {
  const base = { version: 1, profile: null, mapping: {}, lastRun: null };
  const cells = "a".repeat(64);
  test("optional: a state without it still reads", () => {
    expect(parseStoredState(base).ok).toBe(true);
  });
  test("a bare file name and a SHA-256 are kept; a folder, a long name or another hash are refused", () => {
    const ok = parseStoredState({ ...base, source: { file: "bang.xlsx", cells } });
    expect(ok.ok && ok.state.source).toEqual({ file: "bang.xlsx", cells });
    for (const source of [
      { file: "C:\\Users\\ke-toan\\bang.xlsx", cells },
      { file: "/home/ke-toan/bang.xlsx", cells },
      { file: "x".repeat(256), cells },
      { file: "bang.xlsx", cells: "abc" },
      { file: "bang.xlsx", cells, extra: 1 },
    ]) {
      expect(parseStoredState({ ...base, source }).ok).toBe(false);
    }
  });
});

test("the source survives the state's chunks", () => {
  const source = { file: "bang.xlsx", cells: "0".repeat(64) };
  const state: WorkbookState = { version: 1, profile: null, mapping: {}, lastRun: null, source };
  expect(readStateChunks(stateToChunks(state)).state?.source).toEqual(source);
});

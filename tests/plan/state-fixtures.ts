/** Cells of a last run shared by the state packing tests: a column run with a gap, then a row run. */
import type { WorkbookState } from "../../src/model/plan";

type Written = NonNullable<WorkbookState["lastRun"]>["written"];

export const RUN_CELLS: Written = [
  { address: "L5", value: 55.23, underline: false },
  { address: "L6", value: 48.1, underline: true },
  { address: "L7", value: null, underline: false },
  { address: "M5", value: "Khá", underline: false },
  { address: "N5", value: "Tốt", underline: true },
];

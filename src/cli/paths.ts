/** Output file names: never the input unless the user names it. */
import * as path from "node:path";

/** "data/bang.csv" + "-cham-diem" → "data/bang-cham-diem.xlsx" (always .xlsx, beside the input). */
export function besideInput(input: string, suffix: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input, path.extname(input));
  return path.join(dir, `${base}${suffix}.xlsx`);
}

export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

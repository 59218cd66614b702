/**
 * @jest-environment jsdom
 *
 * "Thiếu" is not "lỗi" (README): a blank group score is listed as "Thiếu số liệu" in the CLI and
 * in the pane alike, and a cell that is not a number stays "Lỗi".
 */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { runScoring } from "../../src/pipeline";
import { BUILTIN_PROFILES } from "../../src/profiles";
import { problemsOf } from "../../src/model/problems";
import { problemLine } from "../../src/cli/summary";
import { ProblemList } from "../../src/taskpane/components/ProblemList";
import { gridFromTsv } from "../fixtures/grids/tsv";
import { LAO_CAI_GROUPS } from "../fixtures/tables/lao-cai-groups";

const table = LAO_CAI_GROUPS.replace("UBND phường Cam Đường\t15,19", "UBND phường Cam Đường\t15/,19");
const run = runScoring(gridFromTsv(table, { sheet: "T10" }), { profiles: BUILTIN_PROFILES });
const problems = problemsOf(run.read, run.scored);
const about = (cell: string) => problems.filter((p) => p.cell === cell);

test("the CLI lists a blank group score as missing data, a broken cell as an error", () => {
  const missing = about("T10!H3");
  expect(missing).toHaveLength(1);
  // "Thiếu" said once: the label says it, the message names what is missing.
  expect(problemLine(missing[0])).toMatch(/^Thiếu số liệu: T10!H3: điểm nhóm “Số hóa hồ sơ” \(ô trống/);
  expect(problemLine(missing[0]).match(/thiếu/gi)).toHaveLength(1);
  const broken = about("T10!C4");
  expect(broken).toHaveLength(1);
  expect(problemLine(broken[0])).toMatch(/^Lỗi: T10!C4: /);
});

test("the pane labels them the same way", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <ProblemList problems={[...about("T10!H3"), ...about("T10!C4")]} onSelectCell={() => undefined} />
    </FluentProvider>,
  );
  const [missing, broken] = within(screen.getByRole("list", { name: "Vấn đề" })).getAllByRole("listitem");
  expect(missing.textContent).toMatch(/^Thiếu số liệu T10!H3: điểm nhóm “Số hóa hồ sơ”/);
  expect(missing.textContent?.match(/thiếu/gi)).toHaveLength(1);
  expect(broken.textContent).toMatch(/^Lỗi T10!C4: /);
});

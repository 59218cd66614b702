/**
 * @jest-environment jsdom
 *
 * Messages of the pane wrap inside it: every one goes through PaneMessage, which sets Fluent's
 * multiline layout (the "auto" layout can keep a single line wider than a 320 px pane) and lets
 * long words break. The layout itself is measured in the browser (tests/e2e: assertPaneFits).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as React from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PaneMessage } from "../../src/taskpane/components/PaneMessage";

const PANE = path.join(__dirname, "..", "..", "src", "taskpane");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test("no component of the pane uses Fluent's MessageBar directly", () => {
  const direct = sources(PANE)
    .filter((f) => !f.endsWith("PaneMessage.tsx"))
    .filter((f) => /<MessageBar\b/.test(fs.readFileSync(f, "utf8")))
    .map((f) => path.relative(PANE, f));
  expect(direct).toEqual([]);
});

test("a message is laid out on several lines from the start, with its text and actions", () => {
  const { getByRole, getByText } = render(
    <FluentProvider theme={webLightTheme}>
      <PaneMessage intent="success" actions={<button type="button">Giữ trang</button>}>
        Đã lập trang &quot;Phụ lục xếp loại&quot;
      </PaneMessage>
    </FluentProvider>,
  );
  // Fluent draws the spacer under the body only in the multiline layout.
  const bar = getByRole("group");
  expect(bar.querySelector(".fui-MessageBar__bottomReflowSpacer")).not.toBeNull();
  expect(getByText('Đã lập trang "Phụ lục xếp loại"')).toBeTruthy();
  expect(getByRole("button", { name: "Giữ trang" })).toBeTruthy();
});

/**
 * @jest-environment jsdom
 *
 * The overwrite question (issue 14, case 3 and 5): every cell named or counted ("… và N ô
 * khác"), blanking shown as "(xóa)", and "Hủy" is the first, primary choice.
 */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ConflictDialog, LISTED_CELLS } from "../../src/taskpane/components/ConflictDialog";

test("names the first cells, counts the rest, shows blanking as (xóa), Hủy first", async () => {
  const conflicts = Array.from({ length: 18 }, (_, i) => ({ address: `F${i + 5}`, current: 70 + i, planned: i === 0 ? null : `Tốt` }));
  render(
    <FluentProvider theme={webLightTheme}>
      <ConflictDialog open kind="write" sheet="Phụ lục 1" conflicts={conflicts} onConfirm={jest.fn()} onCancel={jest.fn()} />
    </FluentProvider>,
  );
  const dialog = await screen.findByRole("dialog");
  const items = within(dialog).getAllByRole("listitem").map((li) => li.textContent);
  expect(items).toHaveLength(LISTED_CELLS + 1);
  expect(items[0]).toBe("'Phụ lục 1'!F5: 70 → (xóa)");
  expect(items[1]).toBe("'Phụ lục 1'!F6: 71 → “Tốt”");
  expect(items[LISTED_CELLS]).toBe(`… và ${18 - LISTED_CELLS} ô khác`);
  expect(within(dialog).getByText(/^18 ô đang chứa dữ liệu khác/)).toBeTruthy();
  // Hủy comes first and is the primary button (where focus lands in a browser: e2e case 5 checks it).
  expect(within(dialog).getAllByRole("button").map((b) => b.textContent)).toEqual(["Hủy", "Ghi đè"]);
});

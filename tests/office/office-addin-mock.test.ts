/**
 * office-addin-mock (Microsoft's shape-only mock) covers what it can: selectCell goes through
 * Excel's own load/sync rules on a hand-made seed. Collections, counting and addresses are out
 * of its reach; the fake in fake-excel/ covers those.
 */
import { OfficeMockObject } from "office-addin-mock";
import { createOfficeAdapter } from "../../src/adapters/office";
import type { XlRequestContext } from "../../src/adapters/office";

describe("Office adapter with office-addin-mock", () => {
  test("selectCell activates the problem's sheet and selects its cell, then syncs", async () => {
    const calls: string[] = [];
    const range = { select: () => calls.push("select") };
    const seed = {
      workbook: {
        worksheets: {
          getItem(name: string) {
            calls.push(`getItem ${name}`);
            return {
              activate: () => calls.push("activate"),
              getRange: (address: string) => {
                calls.push(`getRange ${address}`);
                return range;
              },
            };
          },
        },
      },
      sync: async () => {
        calls.push("sync");
      },
    };
    const context = new OfficeMockObject(seed) as unknown as XlRequestContext;
    const adapter = createOfficeAdapter({ run: (batch) => batch(context), mergedAreas: false });
    await adapter.selectCell("'Phụ lục 1'!D7");
    expect(calls).toEqual(["getItem Phụ lục 1", "activate", "getRange D7", "select", "sync"]);
  });
});

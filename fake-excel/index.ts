/**
 * fake-excel: an in-memory stand-in for the part of Office.js the add-in uses.
 *
 * Jest:        const excel = new FakeExcel(FakeWorkbookModel.fromGrid(grid));
 *              const adapter = createOfficeAdapter({ run: excel.run, ... });
 * Browser:     installFakeOffice(window, excel) before the task pane bundle runs, so the
 *              unchanged production code finds `Office` and `Excel` globals.
 */
export * from "./address";
export * from "./model";
export * from "./api";
export * from "./office";

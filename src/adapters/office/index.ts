/** The Office.js adapter: reads a Grid and applies a WritePlan; nothing else calls Excel. */
export { createOfficeAdapter, splitAddress, parseMergedAddress } from "./adapter";
export type { WorkbookAdapter, WorkbookSnapshot, ApplyOptions, ApplyReport, OfficeAdapterOptions, ReadOptions, ReadProgress } from "./adapter";
export { READ_BUDGET_BYTES, VALUE_ROWS, FORMAT_ROWS } from "./read";
export { REQUEST_BUDGET_BYTES, ADDRESS_LIMIT_CHARS, chunkAddresses, packBatches, splitBlock } from "./batch";
export type { XlRequestContext, XlRun } from "./excel-subset";
export { createReportAdapter } from "./report";
export type { ReportAdapter, ReportAdapterOptions, SheetInfo, AppendixReport } from "./report";

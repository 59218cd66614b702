/**
 * chiso766 as a library: the pure steps (table reader → engine → write plan) and the
 * built-in profiles. Importing this pulls in nothing from Office, React or the file system.
 */
export * from "./model/grid";
export * from "./model/fields";
export * from "./model/units";
export * from "./model/profile";
export * from "./model/table";
export * from "./model/plan";
export * from "./profiles";
export { methodToSheet, sheetToMethod, methodSheetLines, type MethodSheet, type MethodSheetReading } from "./profiles/sheet";
export * from "./engine";
export { readTable, normalizeHeader, normalizeUnitName, parseNumber } from "./reader";
export type { ReadOptions, ParsedNumber, NormalizedHeader } from "./reader";
export { runScoring } from "./pipeline";
export type { RunOptions, RunResult, ProfileSource } from "./pipeline";
export { planWrite, planUndo, stateAfterWrite, stateAfterUndo, stateToChunks, stateFromChunks } from "./plan";
export { planAppendix, buildNarrative, compareResults, renderReportCharts, formatViNumber } from "./report";

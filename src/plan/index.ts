/** The write plan: pure, shared by the Office.js and exceljs adapters. */
export { planWrite, outputSpecs, scoreFormat, changeFormat, RANK_FORMAT, OUTPUT_HEADERS, type PlanInput, type PlannedWrite } from "./write";
export { planUndo } from "./undo";
export { stateAfterWrite, stateAfterUndo, stateToChunks, stateFromChunks, mappingOf, STATE_CHUNK_SIZE } from "./state";
export { readStateChunks, type SheetExtent } from "./state-codec";
export { sameValue, isBlank } from "./cells";
export { cellsChanged, nothingToWriteText } from "./effect";
export { cellRanges, valueBlocks, blockCells } from "./ranges";
export { targetAreas, checkTargets, type CellChange } from "./refresh";
export { sheetFingerprintText } from "./sheet-fingerprint";

/** A method as a sheet ("Phương pháp chấm điểm") and back: see write.ts and read.ts. */
export { methodToSheet, type MethodSheet, type MethodSheetLook } from "./write";
export { sheetToMethod, methodSheetLines, type MethodSheetReading } from "./read";

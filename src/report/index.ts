/**
 * The report: appendix sheet plan, Vietnamese narrative, comparison with the last period and
 * charts. Pure; the exceljs and Office.js adapters apply the appendix and draw the charts.
 */
export * from "./types";
export { planAppendix, ratingFootnote, tieFootnote, DEFAULT_APPENDIX_SHEET, APPENDIX_FONT, type AppendixOptions } from "./appendix";
export { buildNarrative, ratingWord, type NarrativeOptions } from "./narrative";
export { compareResults, byChange, type CompareOptions } from "./compare";
export { totalsChart, ratingsChart, renderBarChartSvg, renderReportCharts, escapeXml, RATING_COLORS, ratingColor } from "./charts";
export { formatViNumber, formatViCount, formatViChange, formatViScore, subtractRounded } from "./format";
export { buildGroupMessage, type MessageOptions } from "./message";
export { planScorecards, priorities, SCORECARD_SHEET, type ScorecardOptions } from "./scorecard";

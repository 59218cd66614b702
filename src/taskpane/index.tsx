/**
 * Task pane entry: everything Office-related happens inside Office.onReady, so the modules
 * import cleanly in tests and in the playground.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createOfficeAdapter } from "../adapters/office/adapter";
import { createReportAdapter } from "../adapters/office/report";
import { createMethodSheetAdapter } from "../adapters/office/method-sheet";
import type { XlRun } from "../adapters/office/excel-subset";
import { App } from "./components/App";
import { defaultScoring } from "./scoring";
import { startScoringWorker } from "./start-worker";
import { BUILTIN_PROFILES } from "../profiles";
import { z } from "zod";

// zod would otherwise probe `new Function` once; the pane's CSP forbids code from strings.
z.config({ jitless: true });

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const run: XlRun = (batch) => Excel.run((context) => batch(context));
  const adapter = createOfficeAdapter({
    run,
    mergedAreas: Office.context.requirements.isSetSupported("ExcelApi", "1.13"),
    changeEvents: Office.context.requirements.isSetSupported("ExcelApi", "1.7"),
  });
  // Series.setXAxisValues (the totals chart's unit names) needs ExcelApi 1.12.
  const report = createReportAdapter({ run, workbook: adapter, charts: Office.context.requirements.isSetSupported("ExcelApi", "1.12") });
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} scoring={defaultScoring(BUILTIN_PROFILES, startScoringWorker)} report={report} methodSheet={createMethodSheetAdapter(run)} />
    </FluentProvider>,
  );
}

void Office.onReady(() => start());

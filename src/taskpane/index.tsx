/**
 * Task pane entry: everything Office-related happens inside Office.onReady, so the modules
 * import cleanly in tests and in the playground.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createOfficeAdapter } from "../adapters/office/adapter";
import { App } from "./components/App";
import { defaultScoring } from "./scoring";

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const adapter = createOfficeAdapter({
    run: (batch) => Excel.run((context) => batch(context)),
    mergedAreas: Office.context.requirements.isSetSupported("ExcelApi", "1.13"),
    settings: Office.context.document?.settings,
  });
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App adapter={adapter} scoring={defaultScoring()} />
    </FluentProvider>,
  );
}

void Office.onReady(() => start());

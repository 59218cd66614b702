/**
 * Fake `Office` and `Excel` globals for running the real task pane without Excel (the browser
 * playground and end-to-end tests). Only what the add-in touches: Office.onReady,
 * Office.context.requirements and Excel.run.
 */
import type { FakeExcel } from "./api";

export interface FakeOfficeGlobals {
  Office: {
    HostType: { Excel: "Excel" };
    AsyncResultStatus: { Succeeded: "succeeded"; Failed: "failed" };
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
    context: {
      requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    };
  };
  Excel: { run: FakeExcel["run"] };
}

export function createFakeOffice(excel: FakeExcel): FakeOfficeGlobals {
  const info = { host: "Excel", platform: "OfficeOnline" };
  return {
    Office: {
      HostType: { Excel: "Excel" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      onReady(callback) {
        // Asynchronous like the real one, so code cannot depend on it running inline.
        return Promise.resolve().then(() => {
          callback?.(info);
          return info;
        });
      },
      context: {
        requirements: { isSetSupported: (name, minVersion) => excel.isSetSupported(name, minVersion) },
      },
    },
    Excel: { run: excel.run },
  };
}

/** Put the fake `Office` and `Excel` on a global object (window in the browser, globalThis in Jest). */
export function installFakeOffice(target: object, excel: FakeExcel): FakeOfficeGlobals {
  const globals = createFakeOffice(excel);
  Object.assign(target, globals);
  return globals;
}

/**
 * Fake `Office` and `Excel` globals for running the real task pane without Excel (the browser
 * playground and end-to-end tests). Only what the add-in touches: Office.onReady,
 * Office.context.requirements, Office.context.document.settings and Excel.run.
 */
import type { FakeExcel } from "./api";

export class FakeSettings {
  private readonly data = new Map<string, unknown>();
  /** How many times saveAsync ran (the playground can show it). */
  saves = 0;

  get(name: string): unknown {
    return this.data.has(name) ? this.data.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.data.set(name, JSON.parse(JSON.stringify(value)));
  }
  remove(name: string): void {
    this.data.delete(name);
  }
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void {
    this.saves++;
    // The shape of Office.AsyncResult; the status enum's value is the text "succeeded".
    callback?.({ status: "succeeded" as unknown as Office.AsyncResultStatus, value: undefined, error: null as unknown as Office.Error, asyncContext: undefined, diagnostics: undefined });
  }
}

export interface FakeOfficeGlobals {
  Office: {
    HostType: { Excel: "Excel" };
    AsyncResultStatus: { Succeeded: "succeeded"; Failed: "failed" };
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
    context: {
      requirements: { isSetSupported(name: string, minVersion?: string): boolean };
      document: { settings: FakeSettings };
    };
  };
  Excel: { run: FakeExcel["run"] };
}

export function createFakeOffice(excel: FakeExcel, settings = new FakeSettings()): FakeOfficeGlobals {
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
        document: { settings },
      },
    },
    Excel: { run: excel.run },
  };
}

/** Put the fake `Office` and `Excel` on a global object (window in the browser, globalThis in Jest). */
export function installFakeOffice(target: object, excel: FakeExcel, settings?: FakeSettings): FakeOfficeGlobals {
  const globals = createFakeOffice(excel, settings);
  Object.assign(target, globals);
  return globals;
}

/**
 * The stand-in for Microsoft's office.js, served to the task pane in the playground in place of
 * the CDN script. It defines the globals the add-in uses — Office (onReady, requirements) and
 * Excel (run and the enums) — with Excel.run being the unit-test fake (fake-excel/api.ts):
 * queued commands, load, sync, PropertyNotLoaded for reads before sync.
 *
 * The workbook model and the fake Excel over it belong to the playground page (window.parent),
 * so the workbook outlives the pane like it does in Excel, and a sync's commands run in a task
 * of the page, as Excel runs them in its own process. The pane goes on in a task of its own after
 * each sync (as after Excel's answer arrives), and the page is told to redraw the grid.
 */
import { FakeExcel, type FakeRequestContext } from "../../fake-excel/api";
import { FakeExcelError } from "../../fake-excel/address";
import { FakeWorkbookModel } from "../../fake-excel/model";
import { createFakeOffice } from "../../fake-excel/office";
import type { PlaygroundHost } from "./bridge";

function findHost(): PlaygroundHost {
  try {
    const host = window.parent !== window ? window.parent.chiso766Playground : undefined;
    if (host) return host;
  } catch {
    // A parent from another origin: run on a workbook of our own.
  }
  // Opened on its own (not inside the playground page): an empty workbook, so the pane still runs.
  const model = FakeWorkbookModel.create([{ name: "Sheet1", values: [] }]);
  return { model, changed: () => undefined, fileName: "Book1.xlsx" };
}

const host = findHost();
const excel = host.excel ?? new FakeExcel(host.model, { excelApiVersion: "1.13" });
const fake = createFakeOffice(excel);

/** The pane's next step in a task of the pane's own window, as when Excel's answer arrives. */
function answerArrives(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Excel.run over the fake; the page redraws after every sync (and after the batch ends). */
function run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
  return fake.Excel.run(async (context) => {
    const sync = context.sync.bind(context);
    context.sync = async () => {
      try {
        await sync();
      } finally {
        host.changed();
        await answerArrives();
      }
    };
    return batch(context);
  }).finally(() => host.changed());
}

const office = {
  ...fake.Office,
  HostType: { ...fake.Office.HostType, Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
  context: {
    ...fake.Office.context,
    contentLanguage: "vi-VN",
    displayLanguage: "vi-VN",
    host: "Excel",
    platform: "OfficeOnline",
    diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0 (chiso766 playground)" },
  },
};

const excelNamespace = {
  run,
  RangeUnderlineStyle: { none: "None", single: "Single", double: "Double", singleAccountant: "SingleAccountant", doubleAccountant: "DoubleAccountant" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ErrorCodes: {
    invalidArgument: "InvalidArgument",
    itemNotFound: "ItemNotFound",
    itemAlreadyExists: "ItemAlreadyExists",
    propertyNotLoaded: "PropertyNotLoaded",
    apiNotFound: "ApiNotFound",
    requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  },
  /** For tests and the curious: the fake's counters (syncs, queued commands, payload sizes). */
  playgroundStats: excel.stats,
};

const globals = window as unknown as Record<string, unknown>;
globals.Office = office;
globals.Excel = excelNamespace;
globals.OfficeExtension = { Error: FakeExcelError };

/**
 * The playground page: opens a workbook (an example from examples/ or a dropped .xlsx), shows
 * it in the grid and (re)opens the real task pane (dist/taskpane.html, served with the Office.js
 * stand-in) beside it. Query: ?example=<file name> picks the example to open first.
 */
import { FakeExcel } from "../../fake-excel/api";
import { PlaygroundWorkbook } from "./bridge";
import { GridView } from "./grid-view";
import { readXlsx } from "./xlsx";

interface ExampleEntry {
  name: string;
  url: string;
}

const PANE_URL = "/pane/taskpane.html";

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
}

const picker = byId<HTMLSelectElement>("example-picker");
const fileInput = byId<HTMLInputElement>("file-input");
const statusLine = byId<HTMLElement>("status");
const pane = byId<HTMLIFrameElement>("pane");
const gridHost = byId<HTMLElement>("grid");

let current: { workbook: PlaygroundWorkbook; view: GridView } | null = null;

function setStatus(text: string, isError = false): void {
  statusLine.textContent = text;
  statusLine.classList.toggle("error", isError);
  statusLine.title = text;
}

/** Opens the task pane afresh, as Excel does when the user clicks the ribbon button again. */
function reloadPane(): void {
  pane.src = `${PANE_URL}?t=${Date.now()}`;
}

function openWorkbook(data: ArrayBuffer, fileName: string): Promise<void> {
  setStatus(`Đang mở ${fileName}…`);
  return readXlsx(data).then(
    (sheets) => {
      current?.view.dispose();
      const workbook = new PlaygroundWorkbook(sheets);
      const view = new GridView(workbook, {
        grid: byId("sheet-host"),
        scroller: gridHost,
        tabs: byId("tabs"),
        nameBox: byId("name-box"),
        formulaBar: byId("formula-bar"),
      });
      current = { workbook, view };
      // The grid redraws once per frame, in the page's own task, not inside the pane's sync: in
      // Excel the grid is drawn by another process, so its cost is not the pane's.
      let redraw = 0;
      const changed = () => {
        if (redraw === 0) redraw = requestAnimationFrame(() => ((redraw = 0), workbook.notify()));
      };
      // A request crosses to "Excel" in a task of the page, as it crosses to Excel's process.
      const roundTrip = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
      const excel = new FakeExcel(workbook.model, { excelApiVersion: "1.13", roundTrip });
      window.chiso766Playground = { model: workbook.model, excel, changed, fileName };
      view.render();
      document.title = `${fileName} — chiso766 playground`;
      document.body.dataset.workbook = fileName;
      setStatus(`Đã mở ${fileName}`);
      reloadPane();
    },
    (err: unknown) => {
      setStatus(`Không mở được ${fileName}: ${err instanceof Error ? err.message : String(err)}`, true);
    },
  );
}

async function openExample(entry: ExampleEntry): Promise<void> {
  const res = await fetch(entry.url);
  if (!res.ok) {
    setStatus(`Không tải được ${entry.name} (HTTP ${res.status})`, true);
    return;
  }
  await openWorkbook(await res.arrayBuffer(), entry.name);
}

async function openFile(file: File): Promise<void> {
  if (!/\.xlsx$/i.test(file.name)) {
    setStatus(`${file.name}: chỉ mở được tệp .xlsx`, true);
    return;
  }
  picker.value = "";
  await openWorkbook(await file.arrayBuffer(), file.name);
}

async function init(): Promise<void> {
  let examples: ExampleEntry[] = [];
  try {
    examples = (await (await fetch("/api/examples")).json()) as ExampleEntry[];
  } catch {
    examples = [];
  }
  picker.replaceChildren();
  const none = document.createElement("option");
  none.value = "";
  none.textContent = examples.length ? "— chọn ví dụ —" : "(chưa có ví dụ trong examples/)";
  picker.append(none);
  for (const e of examples) {
    const opt = document.createElement("option");
    opt.value = e.name;
    opt.textContent = e.name;
    picker.append(opt);
  }
  picker.addEventListener("change", () => {
    const entry = examples.find((e) => e.name === picker.value);
    if (entry) void openExample(entry);
  });

  byId("open-file").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    if (file) void openFile(file);
    fileInput.value = "";
  });
  byId("reload-pane").addEventListener("click", () => {
    if (current) reloadPane();
  });

  // Drag and drop anywhere over the grid.
  let depth = 0;
  gridHost.addEventListener("dragenter", (e) => {
    e.preventDefault();
    depth++;
    document.body.classList.add("dragging");
  });
  gridHost.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove("dragging");
  });
  gridHost.addEventListener("dragover", (e) => e.preventDefault());
  gridHost.addEventListener("drop", (e) => {
    e.preventDefault();
    depth = 0;
    document.body.classList.remove("dragging");
    const file = e.dataTransfer?.files?.[0];
    if (file) void openFile(file);
  });

  const wanted = new URLSearchParams(location.search).get("example");
  const first = examples.find((e) => e.name === wanted) ?? (wanted ? undefined : examples[0]);
  if (wanted && !first) setStatus(`Không có ví dụ "${wanted}" trong examples/`, true);
  if (first) {
    picker.value = first.name;
    await openExample(first);
  } else if (!wanted) {
    setStatus("Thả một tệp .xlsx vào bảng tính để bắt đầu");
  }
}

void init();

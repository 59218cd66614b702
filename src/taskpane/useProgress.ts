/**
 * What the pane shows while it works: a label with real counts ("Đã đọc 1.200/3.838 dòng"), a
 * bar, and "Hủy" while stopping still leaves the workbook untouched (not while Excel writes).
 */
import * as React from "react";
import type { RunProgress } from "../pipeline";
import { formatViNumber } from "../report/format";
import { CancelledError, type WorkControl } from "./scoring-client";

export interface Busy {
  label: string;
  /** 0–1; undefined while the length of the step is unknown (Excel reading). */
  value: number | undefined;
  /** Stops the work; null when it can no longer stop without a half-done write. */
  cancel: (() => void) | null;
}

/** A run's progress as the pane says it: rows read, then units scored (reading ≈ 40%, scoring ≈ 50%). */
export function progressText(progress: RunProgress): { label: string; value: number } {
  if (progress.stage === "plan") return { label: "Đang lập kế hoạch ghi…", value: 0.95 };
  const share = progress.total > 0 ? progress.done / progress.total : 1;
  const counts = `${formatViNumber(progress.done)}/${formatViNumber(progress.total)}`;
  return progress.stage === "read" ? { label: `Đã đọc ${counts} dòng`, value: 0.4 * share } : { label: `Đã chấm ${counts} đơn vị`, value: 0.4 + 0.5 * share };
}

export interface Progress {
  busy: Busy | null;
  /** Starts an action: its own "Hủy". */
  begin(): void;
  /** Shows a step; `cancellable: false` once stopping would leave a half-done write. */
  show(label: string, value?: number, cancellable?: boolean): void;
  /** For work in the scoring worker: its counts shown, "Hủy" stops it. */
  control(cancellable?: boolean): WorkControl;
  /** Throws CancelledError if "Hủy" was pressed (checked between steps Excel cannot stop midway). */
  check(): void;
  end(): void;
}

export function useProgress(): Progress {
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const cancel = React.useCallback(() => abort.current?.abort(), []);

  return React.useMemo(() => {
    const show = (label: string, value?: number, cancellable = true) => setBusy({ label, value, cancel: cancellable ? cancel : null });
    return {
      busy,
      begin: () => {
        abort.current = new AbortController();
      },
      show,
      control: (cancellable = true) => ({
        signal: cancellable ? abort.current?.signal : undefined,
        onProgress: (progress) => {
          const { label, value } = progressText(progress);
          show(label, value, cancellable);
        },
      }),
      check: () => {
        if (abort.current?.signal.aborted) throw new CancelledError();
      },
      end: () => {
        abort.current = null;
        setBusy(null);
      },
    };
  }, [busy, cancel]);
}

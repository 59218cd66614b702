/**
 * "So với kỳ trước": another sheet of this workbook scored with the run's method, the comparison
 * with it, and the controls that pick it.
 */
import * as React from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import type { ReportAdapter, SheetInfo } from "../../adapters/office/report";
import { formatViNumber } from "../../report/format";
import type { Comparison } from "../../report/types";
import { errorMessage } from "../errors";
import { compareWithPrevious, type PreviousPeriod } from "../report/build";
import type { RunResult, ScoringService } from "../scoring";
import type { Announce } from "../status";
import { ComparisonView } from "./ComparisonView";
import { sameMethod } from "../../model/profile";
import { useReportStyles } from "./report-styles";

/** Runs an action with a progress label; its error is announced. */
export type Act = (label: string, action: () => Promise<void>) => Promise<void>;

export interface PreviousPeriodState {
  /** Visible sheets other than the scored one; null until listed. */
  sheets: SheetInfo[] | null;
  chosenSheet: string;
  chooseSheet(name: string): void;
  previous: PreviousPeriod | null;
  /** False when the method (or its version) changed since the previous period was scored. */
  previousFits: boolean;
  comparison: Comparison | null;
  loadSheets(): Promise<void>;
  compare(): Promise<void>;
  clear(): void;
}

export interface PreviousPeriodOptions {
  run: RunResult;
  /** The scored sheet, never offered as its own previous period. */
  gridSheet: string | null;
  scoring: ScoringService;
  report: ReportAdapter | undefined;
  act: Act;
  announce: Announce;
}

export function usePreviousPeriod({ run, gridSheet, scoring, report, act, announce }: PreviousPeriodOptions): PreviousPeriodState {
  const [sheets, setSheets] = React.useState<SheetInfo[] | null>(null);
  const [chosenSheet, chooseSheet] = React.useState("");
  const [previous, setPrevious] = React.useState<PreviousPeriod | null>(null);

  // The previous period was scored with the run's method then; under another method or version
  // the comparison says plainly that the periods are not comparable (compare.ts notComparable).
  const previousFits = previous !== null && (!previous.method || sameMethod(previous.method, run.profile));
  const comparison = React.useMemo(() => compareWithPrevious(run, previous), [run, previous]);

  // Listing sheets blocks nothing else: the narrative and the appendix do not need it.
  const loadSheets = async () => {
    if (!report) return;
    try {
      const all = await report.listSheets();
      setSheets(all.filter((s) => s.visible && s.name !== gridSheet));
    } catch (e) {
      setSheets([]);
      announce({ intent: "error", text: `Không đọc được danh sách trang: ${errorMessage(e)}` });
    }
  };

  React.useEffect(() => {
    if (report && sheets === null) void loadSheets();
  }, [report]);

  const compare = () =>
    act("Đang chấm bảng kỳ trước…", async () => {
      if (!report || !chosenSheet) return;
      const snap = await report.readSheet(chosenSheet);
      // The same profile, and no stored state: the state's mapping belongs to this period's sheet.
      const scored = (await scoring.run(snap.grid, { profileId: run.profile.id, state: null })).scored;
      const ranked = scored.units.filter((u) => !u.aggregate && u.total !== null).length;
      if (ranked === 0) throw new Error(`Trang "${chosenSheet}" không có đơn vị nào chấm được theo "${run.profile.name}".`);
      setPrevious({ sheet: chosenSheet, label: chosenSheet, scored, method: { id: run.profile.id, name: run.profile.name, version: run.profile.version } });
    });

  return { sheets, chosenSheet, chooseSheet, previous, previousFits, comparison, loadSheets, compare, clear: () => setPrevious(null) };
}

export function PreviousPeriodBlock({ period, disabled }: { period: PreviousPeriodState; disabled: boolean }): React.JSX.Element {
  const styles = useReportStyles();
  const { sheets, chosenSheet, previous, previousFits, comparison } = period;
  return (
    <div className={styles.block}>
      <span className={styles.heading}>So với kỳ trước</span>
      <Field label="Trang của kỳ trước">
        <Select className={styles.full} size="small" value={chosenSheet} disabled={disabled} onChange={(_, d) => period.chooseSheet(d.value)}>
          <option value="">(không so sánh)</option>
          {(sheets ?? []).map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button size="small" disabled={disabled || !chosenSheet} onClick={() => void period.compare()}>
          So sánh
        </Button>
        <Button size="small" appearance="subtle" disabled={disabled} onClick={() => void period.loadSheets()}>
          Làm mới danh sách
        </Button>
        {previous && (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={period.clear}>
            Bỏ so sánh
          </Button>
        )}
      </div>
      {comparison && previous && (
        <>
          <div className={styles.note}>
            Kỳ trước: trang “{previous.sheet}” · khớp {formatViNumber(comparison.matched.length)} đơn vị
          </div>
          {comparison.notComparable ? <div className={styles.note}>{comparison.notComparable}</div> : <ComparisonView comparison={comparison} />}
        </>
      )}
      {previous && !previousFits && <div className={styles.note}>Bấm So sánh để chấm lại kỳ trước theo phương pháp đang dùng.</div>}
    </div>
  );
}

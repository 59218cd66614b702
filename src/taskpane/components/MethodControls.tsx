/**
 * The method before any result: a picker usable while nothing is scored yet (no table found, or
 * the method sheet has mistakes), the mistakes of the sheet "Phương pháp chấm điểm" with their
 * cells, and the question asked before that sheet is replaced.
 */
import * as React from "react";
import { Button, Label, makeStyles, tokens } from "@fluentui/react-components";
import { PaneMessage } from "./PaneMessage";
import { METHOD_SHEET } from "../../model/profile";
import type { Problem } from "../../model/units";
import { formatViNumber } from "../../report/format";
import type { ScoringService } from "../scoring";
import { ProblemList } from "./ProblemList";
import { WrappingSelect } from "./WrappingSelect";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const AUTOMATIC = "";

/** The method picker shown while there is no result: choosing one reads the table with it. */
export function MethodPicker({ scoring, disabled, onChange }: { scoring: ScoringService; disabled: boolean; onChange(profileId: string): void }): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  const options = [{ value: AUTOMATIC, label: "(chọn phương pháp chấm điểm)" }, ...scoring.profiles.map((p) => ({ value: p.id, label: p.name }))];
  return (
    <div className={styles.section}>
      <Label htmlFor={id}>Phương pháp chấm điểm</Label>
      <WrappingSelect id={id} value={AUTOMATIC} placeholderValue={AUTOMATIC} disabled={disabled} options={options} onChange={(v) => v !== AUTOMATIC && onChange(v)} />
    </div>
  );
}

/** The sheet's mistakes, each a link to its cell; nothing is scored until they are fixed or a method is picked. */
export function MethodSheetProblems({ problems, onSelectCell }: { problems: Problem[]; onSelectCell(cell: string): void }): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        Trang “{METHOD_SHEET}” có {formatViNumber(problems.length)} lỗi
      </h2>
      <div className={styles.note}>Chưa chấm điểm. Sửa các ô dưới đây rồi bấm Đọc lại bảng, hoặc chọn một phương pháp có sẵn ở trên.</div>
      <ProblemList problems={problems} onSelectCell={onSelectCell} />
    </section>
  );
}

/** Asked before the method sheet, which may hold the user's edits, is replaced. */
export function ReplaceMethodSheet({ methodName, onReplace, onKeep }: { methodName: string; onReplace(): void; onKeep(): void }): React.JSX.Element {
  return (
    <PaneMessage
      intent="warning"
      actions={
        <>
          <Button size="small" onClick={onReplace}>
            Thay trang
          </Button>
          <Button size="small" appearance="primary" onClick={onKeep}>
            Giữ trang
          </Button>
        </>
      }
    >
      Sổ đã có trang “{METHOD_SHEET}” với nội dung khác phương pháp đang dùng (có thể bạn đã sửa). Thay cả trang bằng phương pháp “{methodName}”?
    </PaneMessage>
  );
}

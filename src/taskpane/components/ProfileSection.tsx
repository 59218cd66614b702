/** "Phương pháp chấm điểm": the method used, why it was chosen, and which table was read. */
import * as React from "react";
import { Label, makeStyles, tokens } from "@fluentui/react-components";
import { versionText } from "../../model/profile";
import { quoteSheet, rangeA1, rowsText } from "../../model/grid";
import type { TableLayout } from "../../model/table";
import type { ProfileSource, RunResult, ScoringService } from "../scoring";
import { WrappingSelect } from "./WrappingSelect";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  why: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  details: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere", "& summary": { cursor: "pointer", color: tokens.colorBrandForegroundLink } },
  candidates: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  tableInfo: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const SOURCE_LABELS = {
  option: "Do bạn chọn",
  state: "Đã dùng lần trước trong sổ này",
  detected: "Nhận diện theo tiêu đề cột",
  sheet: "Theo trang “Phương pháp chấm điểm” trong sổ này",
} as const;

const percent = (x: number) => `${Math.round(x * 100)}%`;

export interface ProfileSectionProps {
  result: RunResult;
  scoring: ScoringService;
  /** Where the method came from when the user picked it (overrides the run's own). */
  profileSource: ProfileSource | null;
  disabled: boolean;
  onChange(profileId: string): void;
}

/**
 * "'Bảng'!A3:H21": the table the reader found, header to last data row and first to last
 * column, not the range read (the used range and the blank columns read for output columns).
 */
export function tableAddress(layout: TableLayout): string {
  return `${quoteSheet(layout.sheet)}!${rangeA1({ top: layout.headerTop, left: layout.left, bottom: layout.dataBottom, right: layout.right })}`;
}

export function ProfileSection({ result, scoring, profileSource, disabled, onChange }: ProfileSectionProps): React.JSX.Element {
  const styles = useStyles();
  const selectId = React.useId();
  const chosen = result.read.candidates.find((c) => c.id === result.profile.id) ?? result.read.candidates[0];
  const others = result.read.candidates.filter((c) => c !== chosen).slice(0, 3);
  const profileName = (id: string) => scoring.profiles.find((p) => p.id === id)?.name ?? id;
  const options = [
    ...scoring.profiles.map((p) => ({ value: p.id, label: p.name })),
    ...(scoring.profiles.some((p) => p.id === result.profile.id) ? [] : [{ value: result.profile.id, label: result.profile.name }]),
  ];
  const { layout } = result.read;
  return (
    <div className={styles.section}>
      <Label htmlFor={selectId}>Phương pháp chấm điểm</Label>
      <WrappingSelect id={selectId} value={result.profile.id} disabled={disabled} options={options} onChange={onChange} />
      <div className={styles.why}>{versionText(result.profile)}</div>
      <div className={styles.why}>
        {SOURCE_LABELS[profileSource ?? result.profileSource]}
        {chosen && ` · khớp ${percent(chosen.score)}`}
      </div>
      {chosen && (
        <details className={styles.details}>
          <summary>Vì sao chọn phương pháp này?</summary>
          <div>{chosen.reason}</div>
          {others.length > 0 && (
            <ul className={styles.candidates} aria-label="Phương pháp khác">
              {others.map((c) => (
                <li key={c.id}>
                  {profileName(c.id)}: khớp {percent(c.score)}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
      <div className={styles.tableInfo}>
        Bảng {tableAddress(layout)} · tiêu đề {rowsText(layout.headerTop, layout.headerBottom)} · dữ liệu {rowsText(layout.dataTop, layout.dataBottom)}
      </div>
    </div>
  );
}

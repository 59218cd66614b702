import * as React from "react";
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { ColumnMatch } from "../../model/table";
import type { Profile } from "../../model/profile";
import { fieldOptions } from "../fields";
import { WrappingSelect, type WrappingSelectOption } from "./WrappingSelect";

/**
 * One table row per column, laid out as a small card so it fits Excel's 320–350 px pane:
 * line 1 letter, header (truncated, full text on hover) and confidence; line 2 the field
 * dropdown at full width with its whole label (wrapped); line 3 the reason, only when it tells the user something.
 */
const useStyles = makeStyles({
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  row: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  cell: { padding: `${tokens.spacingVerticalXS} 0`, minWidth: 0 },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0, marginBottom: "2px" },
  letter: { fontWeight: tokens.fontWeightSemibold, minWidth: "1.6em", flexShrink: 0 },
  header: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", fontSize: tokens.fontSizeBase200 },
  badge: { flexShrink: 0 },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, overflowWrap: "anywhere", marginTop: "2px" },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const UNUSED = "";

/** At or above: a strong match (exact header or alias); below WEAK: a guess. */
export const STRONG_CONFIDENCE = 0.85;
const WEAK_CONFIDENCE = 0.6;

export type MatchStrength = "strong" | "weak" | "none" | "user" | "unused";

export function matchStrength(m: ColumnMatch): MatchStrength {
  if (m.field === null) return "unused";
  if (m.source === "mapping") return "user";
  if (m.confidence >= STRONG_CONFIDENCE) return "strong";
  return m.confidence >= WEAK_CONFIDENCE ? "weak" : "none";
}

const BADGE_COLOR = { strong: "success", weak: "warning", none: "danger", user: "brand", unused: "informative" } as const;

/** The reason is noise for a strong header match ("khớp tên cột (độ tin cậy 100%)" beside "100%"). */
function shownReason(m: ColumnMatch, strength: MatchStrength): string | null {
  if (strength === "strong") return null;
  // An unused column says why when the user chose it, or has something to decide (several
  // fields match, or its field went to another column); "no field matches" is noise.
  if (strength === "unused") return (m.source === "mapping" && m.header) || m.unused === "ambiguous" || m.unused === "duplicate" ? m.reason : null;
  return m.reason || null;
}

export interface MappingTableProps {
  profile: Profile;
  mapping: ColumnMatch[];
  disabled?: boolean;
  onChange(letter: string, field: string | null): void;
}

/** Which column is which: each header, the field it was matched to, how sure, and why when unsure. */
export function MappingTable({ profile, mapping, disabled, onChange }: MappingTableProps): React.JSX.Element {
  const styles = useStyles();
  const options = React.useMemo<WrappingSelectOption[]>(() => [{ value: UNUSED, label: "(không dùng)" }, ...fieldOptions(profile).map((o) => ({ value: o.field, label: o.label }))], [profile]);
  // A field the profile does not list (from a saved mapping) stays selectable as itself.
  const choices = (field: string | null) => (field === null || options.some((o) => o.value === field) ? options : [...options, { value: field, label: field }]);
  return (
    <table className={styles.table} aria-label="Ánh xạ cột">
      <thead className={styles.hidden}>
        <tr>
          <th scope="col">Cột, trường và độ tin cậy</th>
        </tr>
      </thead>
      <tbody>
        {mapping.map((m) => {
          const strength = matchStrength(m);
          const reason = shownReason(m, strength);
          const header = m.header || "(không có tiêu đề)";
          return (
            <tr key={m.letter} className={styles.row} data-strength={strength}>
              <td className={styles.cell}>
                <div className={styles.line}>
                  <span className={styles.letter}>{m.letter}</span>
                  <span className={styles.header} title={header}>
                    {header}
                  </span>
                  <Badge className={styles.badge} size="small" appearance="tint" color={BADGE_COLOR[strength]}>
                    {strength === "unused" ? "không dùng" : `${Math.round(m.confidence * 100)}%`}
                  </Badge>
                </div>
                <WrappingSelect
                  size="small"
                  aria-label={`Trường của cột ${m.letter}`}
                  value={m.field ?? UNUSED}
                  placeholderValue={UNUSED}
                  options={choices(m.field)}
                  disabled={disabled}
                  onChange={(value) => onChange(m.letter, value === UNUSED ? null : value)}
                />
                {reason && <div className={strength === "weak" || strength === "none" ? `${styles.reason} ${styles.warn}` : styles.reason}>{reason}</div>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

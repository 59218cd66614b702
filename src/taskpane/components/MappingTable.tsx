import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatViNumber } from "../../report/format";
import { STRONG_MATCH, type ColumnMatch } from "../../model/table";
import type { Profile } from "../../model/profile";
import type { OutputColumn } from "../../model/plan";
import { fieldLabel, fieldOptions } from "../../model/field-labels";
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
  moved: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100, overflowWrap: "anywhere", marginTop: "2px" },
  more: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

/**
 * "Ghi vào cột N “Xếp loại” do công cụ thêm: tiêu đề cột H “Kết quả” chỉ gần giống “Xếp loại” (70 %), không ghi vào đó."
 * True before the write (the column is to come) and after it (the column is there): never "new".
 */
export function movedOutputText(c: OutputColumn): string {
  return `Ghi vào cột ${c.letter} “${c.header}” do công cụ thêm${c.why ? `: ${c.why}` : ""}.`;
}

const NONE_MOVED: OutputColumn[] = [];

/**
 * A wide table (the portal's 66 columns) lists this many rows at first: those the user should
 * look at, then the first others in sheet order. The rest, matched for sure, stay one click away.
 */
export const SHOWN_COLUMNS = 15;

const UNUSED = "";

/** At or above: a strong match (exact header or alias); below WEAK: a guess. */
export const STRONG_CONFIDENCE = STRONG_MATCH;
const WEAK_CONFIDENCE = 0.6;

/** "user": chosen in this pane; "kept": as the workbook's saved run had it. */
export type MatchStrength = "strong" | "weak" | "none" | "user" | "kept" | "unused";

export function matchStrength(m: ColumnMatch, chosen: ReadonlySet<string> = NONE_CHOSEN): MatchStrength {
  if (m.field === null) return "unused";
  if (m.source === "mapping") return chosen.has(m.letter) ? "user" : "kept";
  if (m.confidence >= STRONG_CONFIDENCE) return "strong";
  return m.confidence >= WEAK_CONFIDENCE ? "weak" : "none";
}

const NONE_CHOSEN: ReadonlySet<string> = new Set();

const BADGE_COLOR = { strong: "success", weak: "warning", none: "danger", user: "brand", kept: "informative", unused: "informative" } as const;

function badgeText(m: ColumnMatch, strength: MatchStrength): string {
  if (strength === "unused") return "không dùng";
  if (strength === "user") return "bạn chọn";
  if (strength === "kept") return "như lần trước";
  return `${Math.round(m.confidence * 100)}%`;
}

/**
 * A line under the dropdown only when it tells the user something: why a guess is a guess, why
 * a column is left out when there is something to decide. The badge says the rest, so a
 * chosen or kept column takes one line, not two.
 */
function shownReason(m: ColumnMatch, strength: MatchStrength, chosen: ReadonlySet<string>): string | null {
  if (strength === "strong" || strength === "user" || strength === "kept") return null;
  if (strength === "unused") {
    if (m.source === "mapping") return chosen.has(m.letter) ? "do bạn chọn" : null;
    return m.unused === "ambiguous" || m.unused === "duplicate" ? m.reason : null;
  }
  return m.reason || null;
}

export interface MappingTableProps {
  profile: Profile;
  mapping: ColumnMatch[];
  /** Letters of the columns the user chose in this pane (the only ones said to be the user's). */
  chosen?: ReadonlySet<string>;
  disabled?: boolean;
  /** The plan's output columns: a column the tool did not write into says where its results went, and why. */
  outputs?: OutputColumn[];
  onChange(letter: string, field: string | null): void;
}

/** Rows that ask for a look: a guess, no match, the user's own choice, or a reason worth reading. */
function needsLook(m: ColumnMatch, chosen: ReadonlySet<string>): boolean {
  const strength = matchStrength(m, chosen);
  return strength === "weak" || strength === "none" || strength === "user" || shownReason(m, strength, chosen) !== null;
}

/** The rows shown while the list is short: every row that needs a look, then the first others, in sheet order. */
function shortList(mapping: ColumnMatch[], chosen: ReadonlySet<string>): ColumnMatch[] {
  const looks = mapping.filter((m) => needsLook(m, chosen));
  let room = Math.max(0, SHOWN_COLUMNS - looks.length);
  return mapping.filter((m) => needsLook(m, chosen) || (room-- > 0));
}

interface MappingRowProps {
  match: ColumnMatch;
  strength: MatchStrength;
  reason: string | null;
  options: WrappingSelectOption[];
  disabled?: boolean;
  /** Output columns added instead of this one. */
  moved: OutputColumn[];
  onChange(letter: string, field: string | null): void;
}

/** One column; memoised, so progress updates and other rows' changes do not redraw its dropdown. */
const MappingRow = React.memo(function MappingRow({ match: m, strength, reason, options, disabled, moved, onChange }: MappingRowProps): React.JSX.Element {
  const styles = useStyles();
  const header = m.header || "(không có tiêu đề)";
  return (
    <tr className={styles.row} data-strength={strength}>
      <td className={styles.cell}>
        <div className={styles.line}>
          <span className={styles.letter}>{m.letter}</span>
          <span className={styles.header} title={header}>
            {header}
          </span>
          <Badge className={styles.badge} size="small" appearance="tint" color={BADGE_COLOR[strength]}>
            {badgeText(m, strength)}
          </Badge>
        </div>
        <WrappingSelect
          size="small"
          aria-label={`Trường của cột ${m.letter}`}
          value={m.field ?? UNUSED}
          placeholderValue={UNUSED}
          options={options}
          disabled={disabled}
          onChange={(value) => onChange(m.letter, value === UNUSED ? null : value)}
        />
        {reason && <div className={strength === "weak" || strength === "none" ? `${styles.reason} ${styles.warn}` : styles.reason}>{reason}</div>}
        {moved.map((c) => (
          <div key={c.letter} className={styles.moved} data-moved-to={c.letter}>
            {movedOutputText(c)}
          </div>
        ))}
      </td>
    </tr>
  );
});

/** Which column is which: each header, the field it was matched to, how sure, and why when unsure. */
export function MappingTable({ profile, mapping, chosen = NONE_CHOSEN, disabled, outputs = NONE_MOVED, onChange }: MappingTableProps): React.JSX.Element {
  const styles = useStyles();
  const [showAll, setShowAll] = React.useState(false);
  const options = React.useMemo<WrappingSelectOption[]>(() => [{ value: UNUSED, label: "(không dùng)" }, ...fieldOptions(profile).map((o) => ({ value: o.field, label: o.label }))], [profile]);
  // A field the profile does not list (from a saved mapping) stays selectable as itself.
  const choices = (field: string | null) => (field === null || options.some((o) => o.value === field) ? options : [...options, { value: field, label: fieldLabel(profile, field) }]);
  // The latest handler, behind a stable function: the memoised rows need not redraw for a new one.
  const latest = React.useRef(onChange);
  latest.current = onChange;
  const change = React.useCallback((letter: string, field: string | null) => latest.current(letter, field), []);
  const shown = showAll || mapping.length <= SHOWN_COLUMNS ? mapping : shortList(mapping, chosen);
  const hidden = mapping.length - shown.length;
  return (
    <div>
      <table className={styles.table} aria-label="Ánh xạ cột">
        <thead className={styles.hidden}>
          <tr>
            <th scope="col">Cột, trường và độ tin cậy</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => {
            const strength = matchStrength(m, chosen);
            const moved = outputs.some((c) => c.added && c.instead === m.letter) ? outputs.filter((c) => c.added && c.instead === m.letter) : NONE_MOVED;
            return <MappingRow key={m.letter} match={m} strength={strength} reason={shownReason(m, strength, chosen)} options={choices(m.field)} disabled={disabled} moved={moved} onChange={change} />;
          })}
        </tbody>
      </table>
      {(hidden > 0 || showAll) && mapping.length > SHOWN_COLUMNS && (
        <div className={styles.more}>
          {hidden > 0 && <Text size={200}>… và {formatViNumber(hidden)} cột khác đã khớp chắc chắn hoặc không dùng.</Text>}
          <Button size="small" appearance="secondary" onClick={() => setShowAll(!showAll)}>
            {showAll ? "Thu gọn danh sách cột" : `Xem cả ${formatViNumber(mapping.length)} cột`}
          </Button>
        </div>
      )}
    </div>
  );
}

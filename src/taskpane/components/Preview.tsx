import * as React from "react";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { LEVEL_LABELS, type FieldId } from "../../model/fields";
import type { Profile } from "../../model/profile";
import { inputErrorText, type ScoredUnit } from "../../model/units";
import type { WritePlan } from "../../model/plan";
import { nothingToWriteText } from "../../plan/effect";
import { writeSummary, type WriteSummary } from "../write-summary";
import { unitCountText } from "../../model/unit-count";
import { formatViNumber } from "../../report/format";

/**
 * A plain, fixed-layout table: at 320 px every number column has a set width, names take the
 * rest and wrap whole (two communes "phường Thanh Trường" and "phường Thanh Bình" must stay
 * apart), numbers line up right-aligned in tabular figures.
 */
const useStyles = makeStyles({
  summary: { display: "block", marginBottom: tokens.spacingVerticalS, overflowWrap: "anywhere" },
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  th: {
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "left",
    padding: "2px 3px",
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    // A header may take two lines ("Quy / đổi") rather than be cut in a narrow column.
    verticalAlign: "bottom",
  },
  td: { padding: "2px 3px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", verticalAlign: "top" },
  name: { whiteSpace: "normal", overflowWrap: "anywhere" },
  level: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, lineHeight: tokens.lineHeightBase100 },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  nameCol: { width: "auto" },
  // Widths for "100.00", "+26.72", "Xuất sắc" and "Hạng" at 12 px; the name takes the rest
  // (at 320 px with a converted column the name keeps ~90 px, not one letter).
  numCol: { width: "4.1em" },
  changeCol: { width: "4.4em" },
  rankCol: { width: "3.6em" },
  ratingCol: { width: "5.8em" },
  aggregate: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  flagged: { textDecorationLine: "underline" },
  error: { color: tokens.colorPaletteRedForeground1 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
});

const SHOWN = 200;

/** "UBND phường Him Lam" → "phường Him Lam": the shared prefix would eat the narrow name column. */
function shortName(name: string): string {
  return name.replace(/^UBND\s+/i, "");
}

/** Numbers as the sheet shows them in Vietnamese ("82,10"), like the report panel beside it. */
function fmt(n: number | null, decimals: number): string {
  return n === null ? "—" : formatViNumber(n, { minDecimals: decimals, maxDecimals: decimals });
}

/** Ratings counted best to worst, in the order of the profile's bands (any other label after them). */
function ratingSummary(profile: Profile, units: ScoredUnit[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const u of units) if (!u.aggregate && u.rating) counts.set(u.rating, (counts.get(u.rating) ?? 0) + 1);
  const order = [...(profile.rating?.bands ?? [])].sort((a, b) => b.min - a.min).map((b) => b.label);
  const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
  return [...counts].sort(([a], [b]) => rank(a) - rank(b));
}

/** The fields a unit's flags underline, as the write will underline them in the sheet. */
function underlined(u: ScoredUnit): Set<FieldId> {
  return new Set(u.flags.flatMap((f) => f.underline));
}

export interface PreviewProps {
  profile: Profile;
  units: ScoredUnit[];
  plan: WritePlan;
  /** What the write changes, counted where the plan was made (the worker); counted here when absent. */
  effect?: WriteSummary;
}

/** "sẽ ghi 58 ô (cột N, O) · gạch chân thêm 9 ô": what "Ghi kết quả" really changes, counted as the CLI counts it. */
function WriteEffect({ effect }: { effect: WriteSummary }): React.JSX.Element {
  const { valueCells: cells, columns } = effect;
  const underline = [
    ...(effect.underlined > 0 ? [`gạch chân thêm ${formatViNumber(effect.underlined)} ô`] : []),
    ...(effect.ununderlined > 0 ? [`bỏ gạch chân ${formatViNumber(effect.ununderlined)} ô`] : []),
  ];
  return (
    <>
      {cells > 0 && ` · sẽ ghi ${formatViNumber(cells)} ô`}
      {cells > 0 && (
        <>
          {" ("}
          <span title={columns.map((c) => `${c.letter}: ${c.header}`).join("\n")}>cột {columns.map((c) => c.letter).join(", ")}</span>
          {")"}
        </>
      )}
      {underline.length > 0 && ` · ${underline.join(", ")}`}
      {cells === 0 && underline.length === 0 && " · chỉ đổi định dạng số của các ô kết quả"}
    </>
  );
}

/** "18 đơn vị và 1 dòng tổng hợp (TOÀN HUYỆN) · Tốt: 15, Khá: 2 · sẽ ghi 58 ô (cột N, O) · …": what the write will do. */
function PreviewSummary({ profile, units, plan, effect, perLevel }: Omit<PreviewProps, "effect"> & { effect: WriteSummary; perLevel: boolean }): React.JSX.Element {
  const styles = useStyles();
  const ratingCounts = ratingSummary(profile, units);
  const notRatedCount = units.filter((u) => !u.aggregate && u.notRated).length;
  const nothing = effect.cells === 0;
  return (
    <>
      <Text size={200} className={styles.summary}>
        {unitCountText(units)}
        {ratingCounts.length > 0 && ` · ${ratingCounts.map(([r, n]) => `${r}: ${formatViNumber(n)}`).join(", ")}`}
        {notRatedCount > 0 && ` · ${formatViNumber(notRatedCount)} chưa xếp loại vì có ô lỗi (xem Vấn đề)`}
        {!nothing && <WriteEffect effect={effect} />}
        {perLevel && " · xếp hạng riêng theo từng cấp"}
      </Text>
      {nothing && (
        <Text size={200} className={styles.summary} data-testid="nothing-to-write">
          {nothingToWriteText(plan)}
        </Text>
      )}
    </>
  );
}

/** Which optional columns the table shows. */
interface PreviewColumns {
  showConverted: boolean;
  showChange: boolean;
  perLevel: boolean;
}

function PreviewHead({ profile, columns }: { profile: Profile; columns: PreviewColumns }): React.JSX.Element {
  const styles = useStyles();
  const { showConverted, showChange, perLevel } = columns;
  const numHead = `${styles.th} ${styles.num}`;
  return (
    <>
      <colgroup>
        <col className={styles.nameCol} />
        <col className={styles.numCol} />
        {showConverted && <col className={styles.numCol} />}
        <col className={styles.ratingCol} />
        <col className={styles.rankCol} />
        {showChange && <col className={styles.changeCol} />}
      </colgroup>
      <thead>
        <tr>
          <th className={styles.th} scope="col">
            Đơn vị
          </th>
          <th className={numHead} scope="col" title="Tổng điểm">
            Tổng
          </th>
          {showConverted && (
            <th className={numHead} scope="col" title={profile.scale?.label}>
              Quy đổi
            </th>
          )}
          <th className={styles.th} scope="col">
            Xếp loại
          </th>
          <th className={numHead} scope="col" title={perLevel ? "Xếp hạng trong cấp của đơn vị" : "Xếp hạng"}>
            Hạng
          </th>
          {showChange && (
            <th className={numHead} scope="col" title="Tăng/giảm so với kỳ trước">
              ±
            </th>
          )}
        </tr>
      </thead>
    </>
  );
}

/** One unit: its values as the sheet will show them, underlined where the write underlines. */
function PreviewRow({ unit: u, profile, columns }: { unit: ScoredUnit; profile: Profile; columns: PreviewColumns }): React.JSX.Element {
  const styles = useStyles();
  const decimals = profile.rounding.decimals;
  const flagged = underlined(u);
  const num = `${styles.td} ${styles.num}`;
  const mark = (base: string, field: FieldId) => (flagged.has(field) ? `${base} ${styles.flagged}` : base);
  const tone = u.change === null || u.change === 0 ? "" : u.change > 0 ? styles.up : styles.down;
  return (
    <tr className={u.aggregate ? styles.aggregate : undefined} data-aggregate={u.aggregate || undefined}>
      <td className={mergeClasses(styles.td, styles.name)} title={u.name}>
        {shortName(u.name)}
        {columns.perLevel && u.level && !u.aggregate && <span className={styles.level}>{LEVEL_LABELS[u.level]}</span>}
      </td>
      <td className={mark(num, "total")}>{fmt(u.total, decimals)}</td>
      {columns.showConverted && <td className={mark(num, "converted")}>{fmt(u.converted, profile.scale?.decimals ?? decimals)}</td>}
      <td
        className={`${mark(styles.td, "rating")} ${u.notRated ? styles.error : ""}`}
        title={u.rating ?? (u.notRated ? `Chưa xếp loại, xếp hạng vì ${inputErrorText(u.notRated)}` : undefined)}
      >
        {u.rating ?? (u.notRated ? "Ô lỗi" : "—")}
      </td>
      <td className={mark(num, "rank")}>{u.rank ?? "—"}</td>
      {columns.showChange && <td className={`${mark(num, "change")} ${tone}`}>{u.change === null ? "—" : `${u.change > 0 ? "+" : ""}${fmt(u.change, decimals)}`}</td>}
    </tr>
  );
}

/**
 * The results before anything is written: units, totals, ratings, ranks, and what will change.
 * Drawn again only for a new run: the pane re-renders at every progress step, and 200 rows of
 * a national list are not worth drawing again each time.
 */
export const Preview = React.memo(function Preview({ profile, units, plan, effect }: PreviewProps): React.JSX.Element {
  const styles = useStyles();
  const summary = React.useMemo(() => effect ?? writeSummary(plan), [effect, plan]);
  const columns: PreviewColumns = {
    showConverted: profile.scale !== null,
    // A ± column of dashes only takes room from the names (no previous period in the sheet).
    showChange: profile.change && units.some((u) => u.change !== null),
    // Ranked within each level (METHOD.md §5): "1" means first among its level, so the level is shown.
    perLevel: profile.ranking?.scope === "level" && new Set(units.filter((u) => !u.aggregate).map((u) => u.level)).size > 1,
  };
  return (
    <div>
      <PreviewSummary profile={profile} units={units} plan={plan} effect={summary} perLevel={columns.perLevel} />
      <table className={styles.table} aria-label="Xem trước kết quả">
        <PreviewHead profile={profile} columns={columns} />
        <tbody>
          {units.slice(0, SHOWN).map((u) => (
            <PreviewRow key={u.row} unit={u} profile={profile} columns={columns} />
          ))}
        </tbody>
      </table>
      {units.length > SHOWN && <Text size={200}>… và {formatViNumber(units.length - SHOWN)} đơn vị khác.</Text>}
    </div>
  );
});

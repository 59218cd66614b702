/** The comparison with the last period: changes of total and rank, units found on one side only. */
import * as React from "react";
import { formatViChange, formatViNumber } from "../../report/format";
import type { Comparison } from "../../report/types";
import { useReportStyles } from "./report-styles";

const sign = (n: number) => (n > 0 ? `+${n}` : String(n));

function ChangeCell({ value, text, className, up, down }: { value: number | null; text: string; className: string; up: string; down: string }) {
  const tone = value === null || value === 0 ? "" : value > 0 ? up : down;
  return <td className={`${className} ${tone}`}>{text}</td>;
}

/** The units found in one period only ("Chỉ có ở kỳ này (2):" and their names, or "không có"). */
function UnitsInOnePeriod({ label, units, styles }: { label: string; units: Comparison["onlyCurrent"]; styles: ReturnType<typeof useReportStyles> }) {
  return (
    <div aria-label={`Đơn vị ${label.charAt(0).toLowerCase()}${label.slice(1)}`} role="group">
      <div className={styles.note}>{`${label} (${formatViNumber(units.length)}):`}</div>
      {units.length > 0 ? (
        <ul className={styles.list}>
          {units.map((u) => (
            <li key={u.row}>{u.name}</li>
          ))}
        </ul>
      ) : (
        <div className={styles.note}>không có</div>
      )}
    </div>
  );
}

export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const styles = useReportStyles();
  const rows = comparison.matched.filter((m) => !m.current.aggregate).sort((a, b) => (a.current.rank ?? Infinity) - (b.current.rank ?? Infinity));
  const num = `${styles.td} ${styles.num}`;
  return (
    <div className={styles.block}>
      <table className={styles.table} aria-label="So với kỳ trước">
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              Đơn vị
            </th>
            <th className={`${styles.th} ${styles.num}`} scope="col" title="Tổng điểm tăng/giảm">
              ± điểm
            </th>
            <th className={`${styles.th} ${styles.num}`} scope="col" title="Hạng tăng (+) / giảm (−)">
              ± hạng
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.current.row}>
              <td className={styles.td} title={m.renamed ? `${m.current.name} (kỳ trước: ${m.previous.name})` : m.current.name}>
                {m.current.name}
              </td>
              <ChangeCell value={m.totalChange} text={m.totalChange === null ? "—" : formatViChange(m.totalChange)} className={num} up={styles.up} down={styles.down} />
              <ChangeCell value={m.rankChange} text={m.rankChange === null ? "—" : sign(m.rankChange)} className={num} up={styles.up} down={styles.down} />
            </tr>
          ))}
        </tbody>
      </table>
      <UnitsInOnePeriod label="Chỉ có ở kỳ này" units={comparison.onlyCurrent} styles={styles} />
      <UnitsInOnePeriod label="Chỉ có ở kỳ trước" units={comparison.onlyPrevious} styles={styles} />
    </div>
  );
}

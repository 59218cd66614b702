import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Profile } from "../../model/profile";
import type { ScoredUnit } from "../../model/units";
import type { WritePlan } from "../../model/plan";

const useStyles = makeStyles({
  summary: { display: "block", marginBottom: tokens.spacingVerticalS },
  aggregate: { fontStyle: "italic" },
  flagged: { textDecorationLine: "underline" },
});

const SHOWN = 200;

function fmt(n: number | null, decimals: number): string {
  return n === null ? "—" : n.toFixed(decimals);
}

export interface PreviewProps {
  profile: Profile;
  units: ScoredUnit[];
  plan: WritePlan;
}

/** The results before anything is written: units, totals, ratings, ranks, and what will change. */
export function Preview({ profile, units, plan }: PreviewProps): React.JSX.Element {
  const styles = useStyles();
  const decimals = profile.rounding.decimals;
  const ratingCounts = new Map<string, number>();
  for (const u of units) if (!u.aggregate && u.rating) ratingCounts.set(u.rating, (ratingCounts.get(u.rating) ?? 0) + 1);
  const unitCount = units.filter((u) => !u.aggregate).length;
  const cells = plan.blocks.reduce((n, b) => n + b.values.reduce((m, r) => m + r.length, 0), 0);
  const showConverted = profile.scale !== null;
  const showChange = profile.change;
  return (
    <div>
      <Text className={styles.summary}>
        {unitCount} đơn vị
        {ratingCounts.size > 0 && ` · ${[...ratingCounts].map(([r, n]) => `${r}: ${n}`).join(", ")}`}
        {` · sẽ ghi ${cells} ô`}
        {plan.columns.length > 0 && ` (cột ${plan.columns.map((c) => `${c.letter} ${c.header}`).join(", ")})`}
        {plan.underline.set.length + plan.underline.clear.length > 0 && ` · gạch chân ${plan.underline.set.length} vùng, bỏ gạch ${plan.underline.clear.length} vùng`}
      </Text>
      <Table size="extra-small" aria-label="Xem trước kết quả">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Đơn vị</TableHeaderCell>
            <TableHeaderCell>Tổng điểm</TableHeaderCell>
            {showConverted && <TableHeaderCell>{profile.scale?.label}</TableHeaderCell>}
            <TableHeaderCell>Xếp loại</TableHeaderCell>
            <TableHeaderCell>Hạng</TableHeaderCell>
            {showChange && <TableHeaderCell>Tăng/giảm</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {units.slice(0, SHOWN).map((u) => {
            const flagged = u.flags.length > 0;
            return (
              <TableRow key={u.row} className={u.aggregate ? styles.aggregate : undefined}>
                <TableCell>{u.name}</TableCell>
                <TableCell className={flagged && u.flags.some((f) => f.underline.includes("total")) ? styles.flagged : undefined}>{fmt(u.total, decimals)}</TableCell>
                {showConverted && <TableCell>{fmt(u.converted, profile.scale?.decimals ?? decimals)}</TableCell>}
                <TableCell>{u.rating ?? "—"}</TableCell>
                <TableCell>{u.rank ?? "—"}</TableCell>
                {showChange && <TableCell>{u.change === null ? "—" : `${u.change > 0 ? "+" : ""}${u.change.toFixed(decimals)}`}</TableCell>}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {units.length > SHOWN && <Text>… và {units.length - SHOWN} đơn vị khác.</Text>}
    </div>
  );
}

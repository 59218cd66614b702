import * as React from "react";
import { Badge, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { problemLabel, problemMessage } from "../../model/problems";
import type { Problem } from "../../model/units";
import { formatViNumber } from "../../report/format";

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const SHOWN = 100;

const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export interface ProblemListProps {
  problems: Problem[];
  onSelectCell(cell: string): void;
}

/** Problems, each naming its cell; clicking the cell selects it in the sheet. */
export function ProblemList({ problems, onSelectCell }: ProblemListProps): React.JSX.Element {
  const styles = useStyles();
  if (problems.length === 0) return <Text>Không có vấn đề nào.</Text>;
  return (
    <ul className={styles.list} aria-label="Vấn đề">
      {problems.slice(0, SHOWN).map((p, i) => (
        <li key={`${p.cell ?? ""}-${p.code}-${i}`}>
          <Badge appearance="tint" color={BADGE_COLOR[p.severity]}>
            {problemLabel(p)}
          </Badge>{" "}
          {p.cell && (
            <>
              <Link as="button" onClick={() => onSelectCell(p.cell as string)}>
                {p.cell}
              </Link>
              {": "}
            </>
          )}
          <Text>{problemMessage(p)}</Text>
        </li>
      ))}
      {problems.length > SHOWN && <li>… và {formatViNumber(problems.length - SHOWN)} vấn đề khác.</li>}
    </ul>
  );
}

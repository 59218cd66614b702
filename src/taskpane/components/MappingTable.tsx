import * as React from "react";
import { Badge, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ColumnMatch } from "../../model/table";
import type { Profile } from "../../model/profile";
import { fieldOptions } from "../fields";

const useStyles = makeStyles({
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  select: { minWidth: "0", maxWidth: "100%" },
});

const UNUSED = "";

function confidenceColor(c: number): "success" | "warning" | "danger" {
  return c >= 0.85 ? "success" : c >= 0.6 ? "warning" : "danger";
}

export interface MappingTableProps {
  profile: Profile;
  mapping: ColumnMatch[];
  disabled?: boolean;
  onChange(letter: string, field: string | null): void;
}

/** Which column is which: each header, the field it was matched to, how sure, and why. */
export function MappingTable({ profile, mapping, disabled, onChange }: MappingTableProps): React.JSX.Element {
  const styles = useStyles();
  const options = React.useMemo(() => fieldOptions(profile), [profile]);
  return (
    <Table size="extra-small" aria-label="Ánh xạ cột">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Cột</TableHeaderCell>
          <TableHeaderCell>Trường</TableHeaderCell>
          <TableHeaderCell>Độ tin cậy</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {mapping.map((m) => (
          <TableRow key={m.letter}>
            <TableCell>
              <Text weight="semibold">{m.letter}</Text> <Text>{m.header || "(không có tiêu đề)"}</Text>
            </TableCell>
            <TableCell>
              <Select
                className={styles.select}
                aria-label={`Trường của cột ${m.letter}`}
                value={m.field ?? UNUSED}
                disabled={disabled}
                onChange={(_, data) => onChange(m.letter, data.value === UNUSED ? null : data.value)}
              >
                <option value={UNUSED}>(không dùng)</option>
                {m.field !== null && !options.some((o) => o.field === m.field) && <option value={m.field}>{m.field}</option>}
                {options.map((o) => (
                  <option key={o.field} value={o.field}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </TableCell>
            <TableCell>
              {m.field !== null && (
                <Badge appearance="tint" color={confidenceColor(m.confidence)}>
                  {Math.round(m.confidence * 100)}%
                </Badge>
              )}
              <div className={styles.reason}>{m.reason}</div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

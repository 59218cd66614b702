import * as React from "react";
import { Label, makeStyles, tokens } from "@fluentui/react-components";
import { PaneMessage } from "./PaneMessage";
import { LEVEL_CHOICES, SCOPE_WORDS, TIE_WORDS, type LevelOverrides, type RankingChoice } from "../../model/choices";
import { LEVEL_LABELS, LEVELS, type Level } from "../../model/fields";
import { RANK_SCOPES, TIE_RULES } from "../../model/profile";
import { formatViNumber } from "../../report/format";
import type { RunResult } from "../scoring";
import { WrappingSelect, type WrappingSelectOption } from "./WrappingSelect";

/**
 * Each unit's level (tỉnh, sở, huyện, xã) and how units are ranked: what the table tells, a
 * warning when it leaves units without a level or guesses, and the clerk's own choice — the
 * same choices as the CLI's --level (for the whole table) and --xep-hang, stored with the
 * workbook on the next write.
 */
const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
});

export interface LevelControlProps {
  run: RunResult;
  disabled: boolean;
  /** The clerk's levels ({} = as the table tells). */
  onLevels(levels: LevelOverrides): void;
  /** The column holding each unit's level. */
  onLevelColumn(letter: string): void;
  onRanking(choice: RankingChoice): void;
}

const AUTO = "auto";
const SAVED = "saved";
const TABLE = "table:";
const COLUMN = "column:";
/** Units named in a warning; the rest are counted. */
const NAMED = 4;

function namesText(names: string[]): string {
  const shown = names.slice(0, NAMED).join("; ");
  return names.length > NAMED ? `${shown}; … và ${formatViNumber(names.length - NAMED)} đơn vị khác` : shown;
}

/** "15 Sở, ban, ngành · 25 Cấp xã": the levels the units have now. */
function levelCounts(run: RunResult): string {
  const counts = new Map<Level | null, number>();
  for (const u of run.scored.units) if (!u.aggregate) counts.set(u.level, (counts.get(u.level) ?? 0) + 1);
  const parts = LEVELS.filter((l) => counts.has(l)).map((l) => `${formatViNumber(counts.get(l)!)} ${LEVEL_LABELS[l].toLowerCase()}`);
  if (counts.has(null)) parts.push(`${formatViNumber(counts.get(null)!)} chưa rõ cấp`);
  return parts.join(" · ");
}

/** Which option shows the current setting. */
function currentValue(run: RunResult): string {
  const levels = run.choices.levels;
  if (levels?.table && !levels.sections && !levels.rows) return `${TABLE}${levels.table}`;
  if (levels) return SAVED;
  const chosen = run.read.mapping.find((m) => m.field === "level" && m.source === "mapping");
  return chosen ? `${COLUMN}${chosen.letter}` : AUTO;
}

function levelOptions(run: RunResult, value: string): WrappingSelectOption[] {
  const options: WrappingSelectOption[] = [{ value: AUTO, label: "Tự nhận theo bảng (tên đơn vị, cột cấp, tên mục)" }];
  if (value === SAVED) options.push({ value: SAVED, label: "Như đã đặt ở lần chấm trước (theo dòng hoặc mục)" });
  for (const c of LEVEL_CHOICES) options.push({ value: `${TABLE}${c.level}`, label: `Cả bảng là ${c.words}` });
  // A column the table does not use for anything else may hold the level ("Cấp", "Loại đơn vị").
  for (const m of run.read.mapping) {
    if (m.field !== null && m.field !== "level") continue;
    options.push({ value: `${COLUMN}${m.letter}`, label: `Lấy theo cột ${m.letter}${m.header ? ` (${m.header})` : ""}` });
  }
  return options;
}

export function LevelControl({ run, disabled, onLevels, onLevelColumn, onRanking }: LevelControlProps): React.JSX.Element {
  const styles = useStyles();
  const ids = React.useId();
  const findings = run.read.levels;
  const units = run.scored.units.filter((u) => !u.aggregate).length;
  const missing = findings?.missing ?? [];
  const unsure = findings?.unsure ?? [];
  const value = currentValue(run);
  const ranking = run.profile.ranking;
  // None has a level: they are ranked together, which is right for a one-level table.
  const noneKnown = missing.length === units;

  const choose = (v: string) => {
    if (v === AUTO) onLevels({});
    else if (v.startsWith(TABLE)) onLevels({ table: v.slice(TABLE.length) as Level });
    else if (v.startsWith(COLUMN)) onLevelColumn(v.slice(COLUMN.length));
  };

  return (
    <div className={styles.root}>
      {missing.length > 0 && !noneKnown && (
        <PaneMessage intent="warning">
          Chưa rõ cấp của {formatViNumber(missing.length)} đơn vị ({namesText(missing)}): các đơn vị này được xếp hạng riêng. Hãy chọn cấp cho cả bảng hoặc cột ghi cấp.
        </PaneMessage>
      )}
      {unsure.length > 0 && (
        <PaneMessage intent="warning">
          Cấp của {formatViNumber(unsure.length)} đơn vị là phỏng đoán ({namesText(unsure)}). Kiểm tra cột Cấp trong phần xem trước, hoặc chọn cấp cho cả bảng.
        </PaneMessage>
      )}
      {noneKnown && units > 0 && value === AUTO && (
        <div className={styles.note}>Bảng không cho biết cấp của đơn vị: tất cả được xếp hạng chung. Nếu cần, chọn cấp cho cả bảng.</div>
      )}
      <div className={styles.field}>
        <Label htmlFor={`${ids}-level`} size="small">
          Cấp của các đơn vị
        </Label>
        <WrappingSelect id={`${ids}-level`} size="small" value={value} options={levelOptions(run, value)} disabled={disabled} onChange={choose} />
        {!noneKnown && <div className={styles.note}>Hiện có: {levelCounts(run)}</div>}
      </div>
      {ranking && (
        <>
          <div className={styles.field}>
            <Label htmlFor={`${ids}-scope`} size="small">
              Xếp hạng
            </Label>
            <WrappingSelect
              id={`${ids}-scope`}
              size="small"
              value={ranking.scope}
              options={RANK_SCOPES.map((s) => ({ value: s, label: SCOPE_WORDS[s] }))}
              disabled={disabled}
              onChange={(scope) => onRanking({ ...run.choices.ranking, scope: scope as RankingChoice["scope"] })}
            />
          </div>
          <div className={styles.field}>
            <Label htmlFor={`${ids}-tie`} size="small">
              Khi bằng điểm
            </Label>
            <WrappingSelect
              id={`${ids}-tie`}
              size="small"
              value={ranking.tie}
              options={TIE_RULES.map((t) => ({ value: t, label: TIE_WORDS[t][0].toUpperCase() + TIE_WORDS[t].slice(1) }))}
              disabled={disabled}
              onChange={(tie) => onRanking({ ...run.choices.ranking, tie: tie as RankingChoice["tie"] })}
            />
          </div>
        </>
      )}
    </div>
  );
}

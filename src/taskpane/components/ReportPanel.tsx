/**
 * "Báo cáo": the Vietnamese narrative with a copy button, the comparison with the last period
 * (a sheet of this workbook scored with the same profile) and "Lập phụ lục", which writes the
 * appendix sheet and its charts through the report adapter. Loaded as its own chunk.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { Grid } from "../../model/grid";
import type { ReportAdapter, SheetInfo } from "../../adapters/office/report";
import { formatViChange, formatViNumber } from "../../report/format";
import { useAnnounce } from "../status";
import type { Comparison } from "../../report/types";
import { errorMessage } from "../errors";
import type { RunResult, ScoringService } from "../scoring";
import { appendixPlanOf, compareWithPrevious, messageOf, narrativeOf, scorecardPlanOf, titleInputs, type PreviousPeriod, type TitleInputs } from "../report/build";
import { COPY_MESSAGES, copyText, MESSAGE_COPY_MESSAGES } from "../report/clipboard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  full: { width: "100%", minWidth: 0 },
  narrative: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    maxHeight: "240px",
    overflowY: "auto",
    overflowWrap: "anywhere",
    userSelect: "text",
  },
  paragraph: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  heading2: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: `0 0 ${tokens.spacingVerticalXS}`, paddingLeft: tokens.spacingHorizontalL },
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, whiteSpace: "nowrap" },
  td: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", width: "4.2em" },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface ReportPanelProps {
  run: RunResult;
  /** The grid the run scored (for the title rows above the table). */
  grid: Grid | null;
  scoring: ScoringService;
  /** Without it (no adapter given), only the narrative is shown. */
  report?: ReportAdapter;
  /** The pane is busy with another action. */
  busy?: boolean;
}

type Message = { intent: "success" | "error" | "warning"; text: string } | null;

const sign = (n: number) => (n > 0 ? `+${n}` : String(n));

function ChangeCell({ value, text, className, up, down }: { value: number | null; text: string; className: string; up: string; down: string }) {
  const tone = value === null || value === 0 ? "" : value > 0 ? up : down;
  return <td className={`${className} ${tone}`}>{text}</td>;
}

/** The units found in one period only ("Chỉ có ở kỳ này (2):" and their names, or "không có"). */
function UnitsInOnePeriod({ label, units, styles }: { label: string; units: Comparison["onlyCurrent"]; styles: ReturnType<typeof useStyles> }) {
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

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const styles = useStyles();
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

export function ReportPanel({ run, grid, scoring, report, busy }: ReportPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [inputs, setInputs] = React.useState<TitleInputs>(() => titleInputs(grid, run.read.layout.headerTop));
  const [sheets, setSheets] = React.useState<SheetInfo[] | null>(null);
  const [chosenSheet, setChosenSheet] = React.useState("");
  const [previous, setPrevious] = React.useState<PreviousPeriod | null>(null);
  const [working, setWorking] = React.useState<string | null>(null);
  const [message, showMessage] = React.useState<Message>(null);
  const announce = useAnnounce();
  // Each result is also shown in the pane's action bar, where the user is looking, and read out.
  const setMessage = (m: Message) => {
    showMessage(m);
    if (m) announce(m);
  };
  const [copyMessage, setCopyMessage] = React.useState<Message>(null);

  // A re-read of another table (or sheet) brings other title rows.
  const gridSheet = grid?.sheet ?? null;
  const headerTop = run.read.layout.headerTop;
  React.useEffect(() => setInputs(titleInputs(grid, headerTop)), [gridSheet, headerTop]);

  // The previous period was scored with the profile of the run; a new profile needs a new comparison.
  const previousFits = previous !== null && previous.scored.profileId === run.profile.id;
  const comparison = React.useMemo(() => compareWithPrevious(run, previousFits ? previous : null), [run, previous, previousFits]);
  const narrative = React.useMemo(() => narrativeOf(run, comparison), [run, comparison]);

  const act = async (label: string, action: () => Promise<void>) => {
    setWorking(label);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage({ intent: "error", text: errorMessage(e) });
    } finally {
      setWorking(null);
    }
  };

  // Listing sheets blocks nothing else: the narrative and the appendix do not need it.
  const loadSheets = async () => {
    if (!report) return;
    try {
      const all = await report.listSheets();
      setSheets(all.filter((s) => s.visible && s.name !== gridSheet));
    } catch (e) {
      setSheets([]);
      setMessage({ intent: "error", text: `Không đọc được danh sách trang: ${errorMessage(e)}` });
    }
  };

  React.useEffect(() => {
    if (report && sheets === null) void loadSheets();
  }, [report]);

  const compare = () =>
    act("Đang chấm bảng kỳ trước…", async () => {
      if (!report || !chosenSheet) return;
      const snap = await report.readSheet(chosenSheet);
      // The same profile, and no stored state: the state's mapping belongs to this period's sheet.
      const scored = (await scoring.run(snap.grid, { profileId: run.profile.id, state: null })).scored;
      const ranked = scored.units.filter((u) => !u.aggregate && u.total !== null).length;
      if (ranked === 0) throw new Error(`Trang "${chosenSheet}" không có đơn vị nào chấm được theo "${run.profile.name}".`);
      setPrevious({ sheet: chosenSheet, label: chosenSheet, scored });
    });

  const writeAppendix = () =>
    act("Đang lập phụ lục…", async () => {
      if (!report) return;
      const plan = appendixPlanOf(run, inputs, comparison, narrative);
      const done = await report.writeAppendix(plan);
      setMessage({
        intent: "success",
        text: `Đã lập trang "${done.sheetName}"${done.notesSheetName ? ` và trang "${done.notesSheetName}" (số đơn vị theo xếp loại, nhận xét)` : ""}${done.charts ? " với 2 biểu đồ" : " (Excel này chưa vẽ được biểu đồ qua phần bổ trợ)"}.`,
      });
    });

  const writeScorecards = () =>
    act("Đang lập phiếu điểm…", async () => {
      if (!report) return;
      const name = await report.writeScorecards(scorecardPlanOf(run, inputs, comparison));
      setMessage({ intent: "success", text: `Đã lập trang "${name}": mỗi đơn vị một trang A4 để in.` });
    });

  const copy = async () => {
    const outcome = await copyText(narrative.text);
    const copied: Message = { intent: outcome === "failed" ? "warning" : "success", text: COPY_MESSAGES[outcome] };
    setCopyMessage(copied);
    announce(copied);
  };

  // A copy for the chat group, pasted by the user: nothing is sent from here.
  const copyGroupMessage = async () => {
    const outcome = await copyText(messageOf(run, inputs, comparison));
    setCopyMessage({ intent: outcome === "failed" ? "warning" : "success", text: MESSAGE_COPY_MESSAGES[outcome] });
  };

  const disabled = Boolean(busy) || working !== null;
  const set = (key: keyof TitleInputs) => (_: unknown, d: { value: string }) => setInputs((v) => ({ ...v, [key]: d.value }));

  return (
    <div className={styles.root}>
      <div className={styles.block}>
        <div className={styles.row}>
          <span className={styles.heading}>Nhận xét</span>
          <Button size="small" onClick={() => void copy()}>
            Sao chép
          </Button>
          <Button size="small" onClick={() => void copyGroupMessage()} title="Tin nhắn ngắn để dán vào nhóm Zalo: kỳ, ngày chốt, đơn vị điểm thấp, tăng/giảm nhiều">
            Sao chép tin nhắn
          </Button>
        </div>
        {copyMessage && (
          <MessageBar intent={copyMessage.intent}>
            <MessageBarBody>{copyMessage.text}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.narrative} aria-label="Nhận xét" role="document" tabIndex={0}>
          {narrative.paragraphs.map((p, i) => (
            <p key={i} className={p.kind === "heading" ? styles.heading2 : p.kind === "subbullet" ? `${styles.paragraph} ${styles.sub}` : styles.paragraph}>
              {p.kind === "bullet" ? `- ${p.text}` : p.kind === "subbullet" ? `+ ${p.text}` : p.text}
            </p>
          ))}
        </div>
      </div>

      {report && (
        <div className={styles.block}>
          <span className={styles.heading}>So với kỳ trước</span>
          <Field label="Trang của kỳ trước">
            <Select className={styles.full} size="small" value={chosenSheet} disabled={disabled} onChange={(_, d) => setChosenSheet(d.value)}>
              <option value="">(không so sánh)</option>
              {(sheets ?? []).map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Button size="small" disabled={disabled || !chosenSheet} onClick={() => void compare()}>
              So sánh
            </Button>
            <Button size="small" appearance="subtle" disabled={disabled} onClick={() => void loadSheets()}>
              Làm mới danh sách
            </Button>
            {previous && (
              <Button size="small" appearance="subtle" disabled={disabled} onClick={() => setPrevious(null)}>
                Bỏ so sánh
              </Button>
            )}
          </div>
          {comparison && previous && (
            <>
              <div className={styles.note}>
                Kỳ trước: trang “{previous.sheet}” · khớp {formatViNumber(comparison.matched.length)} đơn vị
              </div>
              <ComparisonView comparison={comparison} />
            </>
          )}
          {previous && !previousFits && <div className={styles.note}>Đã đổi phương pháp chấm điểm: hãy so sánh lại.</div>}
        </div>
      )}

      {report && (
        <div className={styles.block}>
          <span className={styles.heading}>Phụ lục</span>
          <Field label="Tiêu đề">
            <Textarea className={styles.full} size="small" resize="vertical" value={inputs.title} disabled={disabled} onChange={set("title")} />
          </Field>
          <Field label="Kỳ báo cáo">
            <Input className={styles.full} size="small" value={inputs.period} disabled={disabled} onChange={set("period")} />
          </Field>
          <Field label="Ngày chốt số liệu">
            <Input className={styles.full} size="small" value={inputs.cutoffDate} disabled={disabled} onChange={set("cutoffDate")} />
          </Field>
          <Field label="Dòng kèm theo báo cáo">
            <Textarea className={styles.full} size="small" resize="vertical" value={inputs.references} placeholder="(Kèm theo Báo cáo số …)" disabled={disabled} onChange={set("references")} />
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" size="small" disabled={disabled} onClick={() => void writeAppendix()}>
              Lập phụ lục
            </Button>
            <Button size="small" disabled={disabled} onClick={() => void writeScorecards()} title="Mỗi đơn vị một trang: nhóm chỉ số, chỉ số dưới ngưỡng, hạng, năm việc cần ưu tiên">
              Lập phiếu điểm
            </Button>
          </div>
        </div>
      )}

      {working && <div className={styles.note} role="status">{working}</div>}
      {message && (
        <MessageBar intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

export default ReportPanel;

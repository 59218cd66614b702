import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookAdapter, WorkbookSnapshot } from "../../adapters/office/adapter";
import type { ColumnMapping } from "../../model/table";
import type { WorkbookState, WritePlan } from "../../model/plan";
import type { Problem } from "../../model/units";
import type { RunResult, ScoringService } from "../scoring";
import { errorMessage, yieldToEventLoop } from "../errors";
import { MappingTable } from "./MappingTable";
import { Preview } from "./Preview";
import { ProblemList } from "./ProblemList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface AppProps {
  adapter: WorkbookAdapter;
  scoring: ScoringService;
}

type Busy = { label: string; value: number } | null;

/** A write waiting for the user to agree to overwrite cells holding other data. */
interface PendingWrite {
  kind: "write" | "undo";
  plan: WritePlan;
  state: WorkbookState;
}

const SOURCE_LABELS = { option: "do bạn chọn", state: "đã dùng lần trước trong sổ này", detected: "nhận diện theo tiêu đề cột" } as const;

export function App({ adapter, scoring }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [snapshot, setSnapshot] = React.useState<WorkbookSnapshot | null>(null);
  const [result, setResult] = React.useState<RunResult | null>(null);
  const [useSelection, setUseSelection] = React.useState(false);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<PendingWrite | null>(null);

  /** Run one user action: progress shown, errors shown, never two at once. */
  const act = React.useCallback(async (action: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }, []);

  const score = React.useCallback(
    async (snap: WorkbookSnapshot, options: { profileId?: string; mapping?: ColumnMapping }) => {
      setBusy({ label: "Đang chấm điểm…", value: 0.5 });
      await yieldToEventLoop();
      const run = scoring.run(snap.grid, { ...options, state: snap.state });
      await yieldToEventLoop();
      setResult(run);
    },
    [scoring],
  );

  const load = React.useCallback(
    async (selection: boolean, options: { profileId?: string; mapping?: ColumnMapping } = {}) => {
      setBusy({ label: "Đang đọc bảng…", value: 0.2 });
      await yieldToEventLoop();
      const snap = await adapter.read({ selection });
      setSnapshot(snap);
      await score(snap, options);
    },
    [adapter, score],
  );

  React.useEffect(() => {
    void act(() => load(false));
  }, [act, load]);

  const currentMapping = (r: RunResult): ColumnMapping => Object.fromEntries(r.read.mapping.map((m) => [m.letter, m.field]));

  const changeProfile = (profileId: string) =>
    act(async () => {
      if (!snapshot) return;
      await score(snapshot, { profileId, mapping: {} });
    });

  const changeField = (letter: string, field: string | null) =>
    act(async () => {
      if (!snapshot || !result) return;
      await score(snapshot, { profileId: result.profile.id, mapping: { ...currentMapping(result), [letter]: field } });
    });

  const apply = async (write: PendingWrite, overwrite: boolean) => {
    setBusy({ label: write.kind === "write" ? "Đang ghi kết quả…" : "Đang hoàn tác…", value: 0.8 });
    await yieldToEventLoop();
    const report = await adapter.apply(write.plan, write.state, { overwriteConflicts: overwrite });
    const keep = result ? { profileId: result.profile.id, mapping: currentMapping(result) } : {};
    await load(useSelection, keep);
    setNotice(write.kind === "write" ? `Đã ghi ${report.cells} ô vào trang ${write.plan.sheet}.` : `Đã hoàn tác: trang ${write.plan.sheet} đã trở lại như trước lần ghi.`);
  };

  const write = () =>
    act(async () => {
      if (!result) return;
      const state = scoring.stateAfterWrite(result.plan, result.profile, result.read.mapping);
      const request: PendingWrite = { kind: "write", plan: result.plan, state };
      if (result.plan.conflicts.length > 0) setPending(request);
      else await apply(request, false);
    });

  const undo = () =>
    act(async () => {
      setBusy({ label: "Đang đọc dữ liệu hoàn tác…", value: 0.3 });
      const snap = await adapter.read({ selection: useSelection });
      const state = snap.state;
      if (!state?.lastRun) {
        setNotice("Sổ này chưa có lần ghi nào để hoàn tác.");
        return;
      }
      const request: PendingWrite = { kind: "undo", plan: scoring.planUndo(state, snap.grid), state: scoring.stateAfterUndo(state) };
      if (request.plan.conflicts.length > 0) setPending(request);
      else await apply(request, false);
    });

  const confirmPending = () =>
    act(async () => {
      const request = pending;
      setPending(null);
      if (request) await apply(request, true);
    });

  const selectCell = (cell: string) => act(() => adapter.selectCell(cell));

  const problems: Problem[] = result ? [...result.read.problems, ...result.scored.problems, ...result.scored.units.flatMap((u) => u.problems)] : [];
  const canUndo = Boolean(snapshot?.state?.lastRun);
  const disabled = busy !== null;

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button onClick={() => void act(() => load(useSelection))} disabled={disabled}>
          Đọc lại bảng
        </Button>
        <Switch label="Chỉ dùng vùng đang chọn" checked={useSelection} disabled={disabled} onChange={(_, d) => setUseSelection(d.checked)} />
      </div>

      {busy && (
        <Field validationMessage={busy.label} validationState="none">
          <ProgressBar value={busy.value} />
        </Field>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <>
          <div className={styles.section}>
            <Field label="Phương pháp chấm điểm" hint={`${SOURCE_LABELS[result.profileSource]}${result.read.candidates[0] ? ` — ${result.read.candidates[0].reason}` : ""}`}>
              <Select value={result.profile.id} disabled={disabled} onChange={(_, d) => void changeProfile(d.value)}>
                {scoring.profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
                {!scoring.profiles.some((p) => p.id === result.profile.id) && <option value={result.profile.id}>{result.profile.name}</option>}
              </Select>
            </Field>
            <Text size={200}>
              Bảng: {snapshot?.address} · dòng tiêu đề {result.read.layout.headerTop + 1}–{result.read.layout.headerBottom + 1}, dữ liệu {result.read.layout.dataTop + 1}–
              {result.read.layout.dataBottom + 1}
            </Text>
          </div>

          <div className={styles.section}>
            <Subtitle2>Các cột</Subtitle2>
            <MappingTable profile={result.profile} mapping={result.read.mapping} disabled={disabled} onChange={(l, f) => void changeField(l, f)} />
          </div>

          <div className={styles.section}>
            <Subtitle2>Xem trước kết quả</Subtitle2>
            <Preview profile={result.profile} units={result.scored.units} plan={result.plan} />
          </div>

          <div className={styles.section}>
            <Subtitle2>Vấn đề ({problems.length})</Subtitle2>
            <ProblemList problems={problems} onSelectCell={(c) => void selectCell(c)} />
          </div>
        </>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void write()} disabled={disabled || !result}>
          Ghi kết quả
        </Button>
        <Button onClick={() => void undo()} disabled={disabled || !canUndo}>
          Hoàn tác
        </Button>
      </div>

      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Ghi đè dữ liệu?</DialogTitle>
            <DialogContent>
              {pending && (
                <>
                  <Text>
                    {pending.plan.conflicts.length} ô đang chứa dữ liệu khác với kết quả sẽ ghi
                    {pending.kind === "undo" ? " (đã sửa tay sau lần ghi trước)" : ""}:
                  </Text>
                  <ul>
                    {pending.plan.conflicts.slice(0, 10).map((c) => (
                      <li key={c.address}>
                        {pending.plan.sheet}!{c.address}: “{String(c.current ?? "")}” → “{String(c.planned ?? "")}”
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void confirmPending()}>
                Ghi đè
              </Button>
              <Button onClick={() => setPending(null)}>Hủy</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

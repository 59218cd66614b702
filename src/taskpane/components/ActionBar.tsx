/**
 * The action bar, stuck to the top of the pane: "Ghi kết quả" is the first Tab stop, and every
 * action's result is shown (and announced) here, wherever the pane is scrolled.
 */
import * as React from "react";
import { Button, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { PaneMessage } from "./PaneMessage";
import type { PaneStatus } from "../status";
import type { Busy } from "../useScoring";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  status: { minWidth: 0, overflowWrap: "anywhere", ":empty": { display: "none" } },
  progressLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface ActionBarProps {
  busy: Busy;
  /** The last action's result (the latest wins). */
  status: PaneStatus | null;
  canWrite: boolean;
  canUndo: boolean;
  onWrite(): void;
  onUndo(): void;
  onReload(): void;
  /** The write button, where focus returns after the overwrite dialog. */
  writeButton: React.RefObject<HTMLButtonElement>;
}

export function ActionBar({ busy, status, canWrite, canUndo, onWrite, onUndo, onReload, writeButton }: ActionBarProps): React.JSX.Element {
  const styles = useStyles();
  const disabled = busy !== null;
  return (
    <div className={styles.bar} role="region" aria-label="Ghi kết quả và hoàn tác">
      <div className={styles.buttons}>
        <Button ref={writeButton} size="small" appearance="primary" onClick={onWrite} disabled={disabled || !canWrite}>
          Ghi kết quả
        </Button>
        <Button size="small" onClick={onUndo} disabled={disabled || !canUndo}>
          Hoàn tác
        </Button>
        <Button size="small" onClick={onReload} disabled={disabled}>
          Đọc lại bảng
        </Button>
      </div>
      {/* Always in the page, so screen readers announce what is put in it. */}
      <div className={styles.status} role="status" aria-live="polite" aria-atomic="true" data-pane-status>
        {busy ? (
          <>
            <ProgressBar value={busy.value} aria-label={busy.label} />
            <span className={styles.progressLabel}>{busy.label}</span>
            {busy.cancel && (
              <Button size="small" onClick={busy.cancel}>
                Hủy
              </Button>
            )}
          </>
        ) : (
          status && status.intent !== "error" && <PaneMessage intent={status.intent}>{status.text}</PaneMessage>
        )}
      </div>
      <div className={styles.status} role="alert" data-pane-error>
        {!busy && status?.intent === "error" && <PaneMessage intent="error">{status.text}</PaneMessage>}
      </div>
    </div>
  );
}

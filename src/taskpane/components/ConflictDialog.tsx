/**
 * "Ghi đè dữ liệu?": the cells a write or undo would overwrite, shown before anything is written.
 * "Hủy" has focus first (Enter must not destroy data); closing gives focus back to "Ghi kết quả".
 * The dialog stays mounted while closed, so Fluent undoes the aria-hidden it put on the pane.
 */
import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text } from "@fluentui/react-components";
import type { Conflict } from "../../model/plan";
import { quoteSheet } from "../../model/grid";
import { viValue } from "../../plan/outputs";
import { formatViNumber } from "../../report/format";

export interface ConflictDialogProps {
  open: boolean;
  kind: "write" | "undo";
  sheet: string;
  conflicts: Conflict[];
  onConfirm(): void;
  onCancel(): void;
  /** Where focus goes when the dialog closes. */
  returnFocus?: React.RefObject<HTMLElement | null>;
}

/** Cells listed by name; the rest counted. */
export const LISTED_CELLS = 12;

/** A planned value as shown: blanking is "(xóa)". */
function plannedText(v: Conflict["planned"]): string {
  return v === null || (typeof v === "string" && v.trim() === "") ? "(xóa)" : viValue(v);
}

export function ConflictDialog({ open, kind, sheet, conflicts, onConfirm, onCancel, returnFocus }: ConflictDialogProps): React.JSX.Element {
  const cancel = React.useRef<HTMLButtonElement>(null);
  const wasOpen = React.useRef(open);
  React.useEffect(() => {
    if (wasOpen.current && !open) {
      // After Fluent's own focus restore (it may aim at a control that is now disabled).
      const target = returnFocus?.current;
      setTimeout(() => target?.focus(), 0);
    }
    wasOpen.current = open;
  }, [open, returnFocus]);
  const shown = conflicts.slice(0, LISTED_CELLS);
  const rest = conflicts.length - shown.length;
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Ghi đè dữ liệu?</DialogTitle>
          <DialogContent>
            <Text>
              {formatViNumber(conflicts.length)} ô đang chứa dữ liệu khác với kết quả sẽ ghi
              {kind === "undo" ? " (đã sửa tay sau lần ghi trước)" : ""}:
            </Text>
            <ul>
              {shown.map((c) => (
                <li key={c.address}>
                  {quoteSheet(sheet)}!{c.address}: {viValue(c.current)} → {plannedText(c.planned)}
                </li>
              ))}
              {rest > 0 && <li>… và {formatViNumber(rest)} ô khác</li>}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button ref={cancel} appearance="primary" onClick={onCancel} autoFocus>
              Hủy
            </Button>
            <Button onClick={onConfirm}>Ghi đè</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default ConflictDialog;

/** "Ghi đè dữ liệu?": the cells a write or undo would overwrite, shown before anything is written. */
import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text } from "@fluentui/react-components";
import type { Conflict } from "../../model/plan";
import { formatViNumber } from "../../report/format";

export interface ConflictDialogProps {
  kind: "write" | "undo";
  sheet: string;
  conflicts: Conflict[];
  onConfirm(): void;
  onCancel(): void;
}

export function ConflictDialog({ kind, sheet, conflicts, onConfirm, onCancel }: ConflictDialogProps): React.JSX.Element {
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Ghi đè dữ liệu?</DialogTitle>
          <DialogContent>
            <Text>
              {formatViNumber(conflicts.length)} ô đang chứa dữ liệu khác với kết quả sẽ ghi
              {kind === "undo" ? " (đã sửa tay sau lần ghi trước)" : ""}:
            </Text>
            <ul>
              {conflicts.slice(0, 10).map((c) => (
                <li key={c.address}>
                  {sheet}!{c.address}: “{String(c.current ?? "")}” → “{String(c.planned ?? "")}”
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Ghi đè
            </Button>
            <Button onClick={onCancel}>Hủy</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default ConflictDialog;

/**
 * Every message of the pane. Always on several lines: Fluent's "auto" layout measures the message
 * once on one line and, when it misses the moment, keeps a line wider than the pane; long words
 * (sheet names, cell addresses) break anywhere rather than push the pane wider.
 */
import * as React from "react";
import { MessageBar, MessageBarActions, MessageBarBody, makeStyles, type MessageBarIntent } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { minWidth: 0, maxWidth: "100%" },
  body: { minWidth: 0, overflowWrap: "anywhere" },
});

export interface PaneMessageProps {
  intent: MessageBarIntent;
  children: React.ReactNode;
  /** Buttons answering the message ("Thay trang", "Giữ trang"). */
  actions?: React.ReactNode;
}

export function PaneMessage({ intent, children, actions }: PaneMessageProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" className={styles.root} data-intent={intent}>
      <MessageBarBody className={styles.body}>{children}</MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}

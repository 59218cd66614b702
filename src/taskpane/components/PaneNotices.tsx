/** Warnings about the table itself: changed since the run, stale, no table, checks of the data. */
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { STALE_TEXT } from "../changes";

export interface PaneNoticesProps {
  /** What someone else changed in the scored cells, if anything. */
  changed: string | null;
  stale: boolean;
  noTable: string | null;
  checkLines: string[];
}

export function PaneNotices({ changed, stale, noTable, checkLines }: PaneNoticesProps): React.JSX.Element {
  return (
    <>
      {changed && (
        <MessageBar intent="warning">
          <MessageBarBody>{changed}</MessageBarBody>
        </MessageBar>
      )}
      {stale && !changed && (
        <MessageBar intent="warning">
          <MessageBarBody>{STALE_TEXT}</MessageBarBody>
        </MessageBar>
      )}
      {noTable && (
        <MessageBar intent="warning">
          <MessageBarBody>{noTable}</MessageBarBody>
        </MessageBar>
      )}
      {checkLines.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {checkLines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

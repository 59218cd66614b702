/** Warnings about the table itself: changed since the run, stale, no table, checks of the data. */
import * as React from "react";
import { STALE_TEXT } from "../changes";
import { PaneMessage } from "./PaneMessage";

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
      {changed && <PaneMessage intent="warning">{changed}</PaneMessage>}
      {stale && !changed && <PaneMessage intent="warning">{STALE_TEXT}</PaneMessage>}
      {noTable && <PaneMessage intent="warning">{noTable}</PaneMessage>}
      {checkLines.length > 0 && (
        <PaneMessage intent="info">
          {checkLines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </PaneMessage>
      )}
    </>
  );
}

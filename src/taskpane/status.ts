/**
 * The pane's one place for "what just happened": every action's result is shown in the action
 * bar, where the user's eyes and a screen reader's live region are, not wherever the section
 * that did it happens to be scrolled.
 */
import * as React from "react";

export type StatusIntent = "success" | "info" | "warning" | "error";

export interface PaneStatus {
  intent: StatusIntent;
  text: string;
}

/** A result that is not an error: done ("success"), for information, or something to check. */
export type NoticeIntent = Exclude<StatusIntent, "error">;
export interface Notice extends PaneStatus {
  intent: NoticeIntent;
}

/** Shows a result in the action bar (null clears it). Outside the pane it does nothing. */
export type Announce = (status: PaneStatus | null) => void;

export const AnnounceContext = React.createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return React.useContext(AnnounceContext);
}

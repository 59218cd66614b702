/** "Nhận xét": the Vietnamese narrative, with buttons that copy it or a short chat-group message. */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { Narrative } from "../../report/types";
import { useAnnounce } from "../status";
import { COPY_MESSAGES, copyText, MESSAGE_COPY_MESSAGES, type CopyOutcome } from "../report/clipboard";
import { useReportStyles } from "./report-styles";

export interface NarrativeBlockProps {
  narrative: Narrative;
  /** The chat-group message, built when asked for (it depends on the period typed in the pane). */
  groupMessage(): string;
}

export function NarrativeBlock({ narrative, groupMessage }: NarrativeBlockProps): React.JSX.Element {
  const styles = useReportStyles();
  const announce = useAnnounce();
  // Pasted by the user: nothing is sent from here.
  const copy = async (text: string, messages: Record<CopyOutcome, string>) => {
    const outcome = await copyText(text);
    announce({ intent: outcome === "failed" ? "warning" : "success", text: messages[outcome] });
  };
  return (
    <div className={styles.block}>
      <div className={styles.row}>
        <span className={styles.heading}>Nhận xét</span>
        <Button size="small" onClick={() => void copy(narrative.text, COPY_MESSAGES)}>
          Sao chép
        </Button>
        <Button size="small" onClick={() => void copy(groupMessage(), MESSAGE_COPY_MESSAGES)} title="Tin nhắn ngắn để dán vào nhóm Zalo: kỳ, ngày chốt, đơn vị điểm thấp, tăng/giảm nhiều">
          Sao chép tin nhắn
        </Button>
      </div>
      <div className={styles.narrative} aria-label="Nhận xét" role="document" tabIndex={0}>
        {narrative.paragraphs.map((p, i) => (
          <p key={i} className={p.kind === "heading" ? styles.heading2 : p.kind === "subbullet" ? `${styles.paragraph} ${styles.sub}` : styles.paragraph}>
            {p.kind === "bullet" ? `- ${p.text}` : p.kind === "subbullet" ? `+ ${p.text}` : p.text}
          </p>
        ))}
      </div>
    </div>
  );
}

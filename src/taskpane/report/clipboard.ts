/**
 * Copy text from the task pane. Office webviews often refuse navigator.clipboard (no
 * clipboard-write permission in the iframe), so a hidden textarea with execCommand("copy") is
 * tried next; when both fail the caller tells the user to select and copy by hand.
 */
export type CopyOutcome = "clipboard" | "fallback" | "failed";

export async function copyText(text: string, doc: Document = document): Promise<CopyOutcome> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return "clipboard";
    } catch {
      // Permission denied or not focused: the textarea route below still works in most webviews.
    }
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.top = "-1000px";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  const previous = doc.activeElement as HTMLElement | null;
  try {
    area.select();
    return typeof doc.execCommand === "function" && doc.execCommand("copy") ? "fallback" : "failed";
  } catch {
    return "failed";
  } finally {
    area.remove();
    previous?.focus?.();
  }
}

export const COPY_MESSAGES: Record<CopyOutcome, string> = {
  clipboard: "Đã sao chép nhận xét vào bộ nhớ tạm.",
  fallback: "Đã sao chép nhận xét vào bộ nhớ tạm.",
  failed: "Excel không cho phần bổ trợ sao chép vào bộ nhớ tạm. Hãy bôi đen đoạn nhận xét rồi nhấn Ctrl+C.",
};

export const MESSAGE_COPY_MESSAGES: Record<CopyOutcome, string> = {
  clipboard: "Đã sao chép tin nhắn. Dán vào nhóm Zalo để gửi.",
  fallback: "Đã sao chép tin nhắn. Dán vào nhóm Zalo để gửi.",
  failed: "Excel không cho phần bổ trợ sao chép vào bộ nhớ tạm. Hãy dùng nút Sao chép nhận xét, hoặc chép tay.",
};

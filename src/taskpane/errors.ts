/** Messages shown for errors from Excel or the pipeline: Vietnamese, never swallowed. */
export function errorMessage(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ResponsePayloadSizeLimitExceeded") {
    return "Bảng quá lớn để đọc một lần trên Excel cho web (giới hạn 5 MB mỗi lần). Hãy chọn vùng bảng nhỏ hơn rồi bật “Chỉ dùng vùng đang chọn”.";
  }
  if (code === "RequestPayloadSizeLimitExceeded") return "Dữ liệu ghi vượt giới hạn 5 MB mỗi lần của Excel cho web.";
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Let the browser paint and Excel breathe between phases (Excel restarts an add-in stuck for 5 s). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

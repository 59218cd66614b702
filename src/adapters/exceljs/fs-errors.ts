/** Node's file-system errors (ENOENT, EACCES, EISDIR, EEXIST, …) as Vietnamese sentences naming the path. */

/** What went wrong reading or writing `file`, for a clerk: no error code, no English. */
export function fileErrorMessage(error: unknown, file: string, action: "đọc" | "ghi"): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const where = (error as NodeJS.ErrnoException | null)?.path ?? file;
  switch (code) {
    case "ENOENT":
      return action === "đọc" ? `Không tìm thấy tệp "${file}".` : `Không ghi được "${file}": không có thư mục "${where}".`;
    case "EACCES":
    case "EPERM":
      return `Không có quyền ${action} "${where}".`;
    case "EISDIR":
      return `"${where}" là một thư mục, không phải tệp: hãy chỉ ra một tệp.`;
    case "EEXIST":
    case "ENOTDIR":
      return `Không ${action} được "${file}": "${where}" là một tệp, không phải thư mục.`;
    case "ENOSPC":
      return `Không ghi được "${file}": ổ đĩa đã đầy.`;
    case "EROFS":
      return `Không ghi được "${file}": ổ đĩa chỉ cho đọc.`;
    case "EBUSY":
      return `Tệp "${file}" đang được chương trình khác (Excel?) dùng: hãy đóng tệp rồi thử lại.`;
    case "ENAMETOOLONG":
      return `Tên tệp "${file}" quá dài.`;
    default:
      return `Không ${action} được tệp "${file}".`;
  }
}

/** `chiso766 profiles`: the built-in scoring profiles. */
import { BUILTIN_PROFILES } from "../profiles";
import { EXIT, type CliIO } from "./errors";
import { table } from "./summary";

const BASIS_LABELS: Record<string, string> = {
  indicators: "từ chỉ số thành phần",
  groups: "từ điểm nhóm",
  total: "từ tổng điểm có sẵn",
  none: "chỉ kiểm tra số liệu",
};

export async function profilesCommand(_args: string[], io: CliIO): Promise<number> {
  const rows = BUILTIN_PROFILES.map((p) => [p.id, p.name, p.version, BASIS_LABELS[p.basis] ?? p.basis, p.outputs.join(", ") || "—"]);
  io.stdout(`${table(["Mã", "Tên", "Phiên bản", "Chấm điểm", "Cột kết quả"], rows, [false, false, false, false, false])}\n`);
  io.stdout(`\n${BUILTIN_PROFILES.map((p) => `${p.id}: ${p.source}`).join("\n")}\n`);
  return EXIT.ok;
}

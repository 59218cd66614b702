/**
 * Text files as staff receive them: CSV in UTF-8 (with or without BOM), Excel's "Unicode text"
 * (UTF-16 with BOM, tab-separated), Windows-1258 from older Vietnamese Windows, and, unreadable
 * without a font converter, TCVN3 (ABC) or VNI text, which is named instead of being written
 * as mojibake.
 */
import * as iconv from "iconv-lite";

export interface DecodedText {
  text: string;
  /** What was decoded, for telling the user ("UTF-8", "UTF-16", "Windows-1258"). */
  encoding: string;
  /** Vietnamese notes to show (an encoding guessed, characters that could not be read). */
  notes: string[];
}

/** A file whose text cannot be read as it is: the message names the file and says what to do. */
export class TextEncodingError extends Error {}

const REPLACEMENT = "\uFFFD";

/**
 * TCVN3 (ABC) puts toned vowels in bytes that read as symbols inside words ("TØnh Hßa B×nh",
 * "®¬n vÞ"); VNI writes a base letter then a mark byte that reads as a foreign letter ("Tænh
 * Hoøa", "ñôn"). Neither symbol set occurs in Vietnamese written in Unicode or Windows-1258.
 */
const TCVN3_SIGNS = /[\u00a1-\u00bf\u00d7\u00d8\u00de\u00df]/g;
const VNI_SIGNS = /[äåæçëîïñöøûüÄÅÆÇËÎÏÑÖØÛÜ]/g;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** "TCVN3 (ABC)" or "VNI" when the text reads as one of the old font encodings, else null. */
export function oldFontEncoding(text: string): "TCVN3 (ABC)" | "VNI" | null {
  const sample = text.slice(0, 20000);
  const letters = count(sample, /\p{L}/gu);
  const tcvn = count(sample, TCVN3_SIGNS);
  const vni = count(sample, VNI_SIGNS);
  if (Math.max(tcvn, vni) < Math.max(3, letters / 100)) return null;
  return tcvn >= vni ? "TCVN3 (ABC)" : "VNI";
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: most ASCII characters come with a zero byte beside them. */
function utf16WithoutBom(bytes: Buffer): "utf16-le" | "utf16-be" | null {
  const n = Math.min(bytes.length, 4000) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf16-le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf16-be";
  return null;
}

/** Where the first replacement character is, as "dòng N". */
function replacementNote(text: string, file: string): string | null {
  const at = text.indexOf(REPLACEMENT);
  if (at < 0) return null;
  const line = text.slice(0, at).split("\n").length;
  const total = text.split(REPLACEMENT).length - 1;
  return `Tệp "${file}" có ${total} ký tự không đọc được (hiện là "${REPLACEMENT}"), đầu tiên ở dòng ${line}: hãy kiểm tra tên đơn vị trong kết quả, hoặc lưu lại tệp dạng "CSV UTF-8".`;
}

/** The text of a file's bytes, with its encoding found (BOM, valid UTF-8, else Windows-1258). */
export function decodeText(bytes: Buffer, file: string): DecodedText {
  let encoding: string;
  let text: string;
  const notes: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    [encoding, text] = ["UTF-8", bytes.subarray(3).toString("utf8")];
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    [encoding, text] = ["UTF-16", iconv.decode(bytes.subarray(2), "utf16-le")];
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    [encoding, text] = ["UTF-16", iconv.decode(bytes.subarray(2), "utf16-be")];
  } else if (utf16WithoutBom(bytes)) {
    [encoding, text] = ["UTF-16", iconv.decode(bytes, utf16WithoutBom(bytes)!)];
  } else if (isValidUtf8(bytes)) {
    [encoding, text] = ["UTF-8", bytes.toString("utf8")];
  } else {
    // Windows-1258 writes most tones as combining marks: compose them as Unicode text has them.
    [encoding, text] = ["Windows-1258", iconv.decode(bytes, "windows-1258").normalize("NFC")];
    notes.push(`Tệp "${file}" không phải UTF-8; đã đọc theo bảng mã Windows-1258 (tiếng Việt của Windows cũ). Hãy kiểm tra tên đơn vị trong kết quả.`);
  }
  const old = oldFontEncoding(text);
  if (old) {
    throw new TextEncodingError(
      `Tệp "${file}" có vẻ dùng bảng mã cũ ${old} (phông chữ .VnTime, VNI-Times…), không phải Unicode: tên đơn vị sẽ bị sai chữ. ` +
        `Hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi lưu lại dạng "CSV UTF-8".`,
    );
  }
  const bad = replacementNote(text, file);
  if (bad) notes.push(bad);
  return { text, encoding, notes };
}

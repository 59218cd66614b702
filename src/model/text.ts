/**
 * Text helpers every layer shares: cleaning pasted text, folding Vietnamese diacritics for
 * comparison, and numbers in Vietnamese messages.
 */

/** Spaces Excel users paste: NBSP, thin, narrow NBSP, figure, ideographic, zero-width. */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF\t\r\n]/g;

// Expressions as constants: a literal in a function body is a new RegExp object per call, and
// the reader cleans and folds every unit name of a 10,000-row table.
const DOUBLED_SPACES = / {2,}/g;
const DIACRITICS = /[\u0300-\u036f]/g;
const D_STROKE = /đ/g;

/** NFC, odd spaces to plain spaces, trimmed and collapsed. */
export function cleanText(text: string): string {
  return text.normalize("NFC").replace(ODD_SPACES, " ").replace(DOUBLED_SPACES, " ").trim();
}

/** Lower case with every diacritic removed and đ → d ("Tiến Độ" → "tien do"). */
export function foldText(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(D_STROKE, "d")
    .normalize("NFD")
    .replace(DIACRITICS, "")
    .normalize("NFC");
}

/**
 * A number in a Vietnamese message: decimal comma, no thousands separator ("82,1", "-0,02").
 * toPrecision(15) drops binary noise (85.49999999999999 → 85,5) without rounding real digits.
 */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(15))).replace(".", ",");
}

/**
 * A cell whose "no data" mark was read as missing, said with the mark (`"N/A" — coi là thiếu số
 * liệu, không tính là 0`); `what` names what is missing when the engine needed the value.
 */
export function missingMarkText(mark: string, what?: string, consequence = "không tính là 0"): string {
  return `"${mark}" — coi là thiếu số liệu${what ? ` ${what}` : ""}${what ? ":" : ","} ${consequence}`;
}

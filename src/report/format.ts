/**
 * Numbers written the Vietnamese way: comma decimal, dot thousands ("82,1", "921.747"),
 * counts of units with two digits ("03 đơn vị") as official reports write them.
 */
import { roundHalfUp, subtractDecimal } from "../engine/round";
import { formatViNumber } from "../model/number-text";

export { formatViNumber };

/** a − b rounded half-up to `decimals` in decimal arithmetic (86.59 − 80.53 = 6.06 exactly). */
export function subtractRounded(a: number, b: number, decimals = 2): number {
  return roundHalfUp(subtractDecimal(a, b), decimals);
}

/**
 * A score as the sheet shows it, with the method's decimals: "82,10", "5,80". The one decimal
 * policy of the pane, the narrative and the appendix: "+5,8" beside "+5,80" reads as two values.
 */
export function formatViScore(value: number, decimals = 2): string {
  return formatViNumber(value, { minDecimals: decimals, maxDecimals: decimals });
}

/** A signed change with the method's decimals: "+6,06", "-0,02", "+5,80", "0,00". */
export function formatViChange(value: number, decimals = 2): string {
  const text = formatViScore(Math.abs(value), decimals);
  if (roundHalfUp(value, decimals) === 0) return text;
  return value > 0 ? `+${text}` : `-${text}`;
}

/** Counts as reports write them: 3 → "03", 12 → "12", 0 → "0", 3321 → "3.321". */
export function formatViCount(count: number): string {
  return count > 0 && count < 10 ? `0${count}` : formatViNumber(count);
}

/** Vietnamese list: "A, B, C" (reports separate names with commas, no "và"). */
export function joinNames(names: string[]): string {
  return names.join(", ");
}

/** An ISO time as Vietnamese staff write it, in the machine's local time: "10:13 ngày 22/11/2026" (the text itself when it is not a date). */
export function formatViDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

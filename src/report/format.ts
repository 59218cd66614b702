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

/**
 * A province has at most ≈250 units and its reports name every unit of a list; a longer table is a
 * national list (3,321 communes, 517 agencies), where a list of 2,000 names is read by no one.
 */
const PROVINCE_SIZE = 300;
/** In a national list, lists up to this many units are still named (the highest, a short band). */
const NAMED_IN_NATIONAL_LIST = 30;

/** How many names a list of this table may hold before it is counted and left to the appendix. */
export function namesLimit(unitCount: number): number {
  return unitCount > PROVINCE_SIZE ? NAMED_IN_NATIONAL_LIST : Infinity;
}

/** Names the units of a report's lists up to a limit, and remembers whether a longer one was only counted. */
export class ListNamer {
  /** A list was longer than the limit: the report says once where the names are (note()). */
  cut = false;

  constructor(
    readonly limit: number,
    private readonly unitCount: number,
  ) {}

  /** Whether a list this long is named. */
  names(count: number): boolean {
    if (count <= this.limit) return true;
    this.cut = true;
    return false;
  }

  /**
   * ": A, B, C" after a count, or nothing for a list longer than the limit (the count says it).
   * Items are written only when named: a national list's 2,000 scores are not formatted.
   */
  list<T>(items: T[], text: (item: T) => string): string {
    return this.names(items.length) ? `: ${joinNames(items.map(text))}` : "";
  }

  /** Said once when a list was counted rather than named. */
  note(): string {
    return `Do số lượng đơn vị lớn (${formatViNumber(this.unitCount)} đơn vị), nội dung có trên ${formatViNumber(this.limit)} đơn vị chỉ nêu số lượng; danh sách cụ thể tại Phụ lục kèm theo.`;
  }
}

/** An ISO time as Vietnamese staff write it, in the machine's local time: "10:13 ngày 22/11/2026" (the text itself when it is not a date). */
export function formatViDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

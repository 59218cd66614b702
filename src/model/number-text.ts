/** Numbers written the Vietnamese way: comma decimal, dot thousands ("82,1", "921.747"). */
import { roundHalfUp } from "./round";

const viFormatters = new Map<string, Intl.NumberFormat>();

function viFormatter(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}`;
  let f = viFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    viFormatters.set(key, f);
  }
  return f;
}

/**
 * 82.1 → "82,1"; 921747 → "921.747"; 7.3 with { minDecimals: 2 } → "7,30".
 * Rounds half-up in decimal first so Intl never sees a float it would round the other way.
 */
export function formatViNumber(value: number, options: { minDecimals?: number; maxDecimals?: number } = {}): string {
  const maxDecimals = options.maxDecimals ?? 2;
  const minDecimals = Math.min(options.minDecimals ?? 0, maxDecimals);
  return viFormatter(minDecimals, maxDecimals).format(roundHalfUp(value, maxDecimals));
}

/** Numbers in Vietnamese messages: decimal comma, no thousands separator ("82,1", "-0,02"). */
export function formatNumber(x: number): string {
  return String(x).replace(".", ",");
}

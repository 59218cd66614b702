import { divideRounded, round, roundHalfUp, subtractDecimal, sumDecimal } from "../../src/engine/round";

describe("decimal rounding", () => {
  it("rounds the issue's cases half-up in decimal, where binary Math.round fails", () => {
    expect(divideRounded(61.88, 8)).toBe(7.74); // 7.735
    expect(roundHalfUp(61.88 / 8)).toBe(7.74);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the trap the decimal rounding avoids
    expect(roundHalfUp(0.125)).toBe(0.13);
    expect(roundHalfUp(7.735)).toBe(7.74);
  });

  it("rounds negatives away from zero and honours decimals and half-even", () => {
    expect(roundHalfUp(-0.125)).toBe(-0.13);
    expect(roundHalfUp(2.45, 1)).toBe(2.5);
    expect(roundHalfUp(86.5, 0)).toBe(87);
    expect(round(0.125, 2, "half-even")).toBe(0.12);
    expect(round(0.135, 2, "half-even")).toBe(0.14);
  });

  it("adds and subtracts without binary noise", () => {
    expect(sumDecimal([0.1, 0.2])).toBe(0.3);
    expect(sumDecimal([11.2, 14.81, 9.23, 4.69, 7.29, 8.01])).toBe(55.23);
    expect(subtractDecimal(89.21, 77.38)).toBe(11.83);
  });
});

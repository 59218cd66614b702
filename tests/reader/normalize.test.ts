import { normalizeHeader, normalizeUnitName } from "../../src/reader/normalize";

describe("normalizeHeader", () => {
  test("case, diacritics, punctuation and spacing fold to one key", () => {
    const keys = ["Công khai, minh bạch", "CÔNG KHAI MINH BẠCH", "Cong khai minh bach", "  công\u00a0khai,  minh bạch "].map(
      (h) => normalizeHeader(h).key,
    );
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe("cong khai minh bach");
  });

  test("NFD input equals NFC input, and old/new tone placement compare equal with tones", () => {
    const nfc = normalizeHeader("Số hóa hồ sơ");
    const nfd = normalizeHeader("Số hóa hồ sơ".normalize("NFD"));
    const newStyle = normalizeHeader("Số hoá hồ sơ");
    expect(nfd.words.map((w) => w.toned)).toEqual(nfc.words.map((w) => w.toned));
    expect(newStyle.words.map((w) => w.toned)).toEqual(nfc.words.map((w) => w.toned));
    // A different tone is a different word with tones, the same without.
    const typo = normalizeHeader("Tiền độ");
    const right = normalizeHeader("Tiến độ");
    expect(typo.key).toBe(right.key);
    expect(typo.words[0].toned).not.toBe(right.words[0].toned);
  });

  test("Tỷ/Tỉ and kỳ/kì are one spelling", () => {
    expect(normalizeHeader("Tỉ lệ").words.map((w) => w.toned)).toEqual(normalizeHeader("Tỷ lệ").words.map((w) => w.toned));
    expect(normalizeHeader("Kì trước").words.map((w) => w.toned)).toEqual(normalizeHeader("Kỳ trước").words.map((w) => w.toned));
  });

  test("abbreviations expand", () => {
    expect(normalizeHeader("Tỷ lệ TTHC").key).toBe(normalizeHeader("Tỷ lệ thủ tục hành chính").key);
    expect(normalizeHeader("DVCTT").key).toBe("dich vu cong truc tuyen");
    expect(normalizeHeader("THANH TOÁN TT").key).toBe("thanh toan truc tuyen");
    expect(normalizeHeader("PAKN").key).toBe("phan anh kien nghi");
    expect(normalizeHeader("Chứng thực ĐT").key).toBe("chung thuc dien tu");
    expect(normalizeHeader("KQ giải quyết").key).toBe("ket qua giai quyet");
    expect(normalizeHeader("HS").key).toBe("ho so");
    expect(normalizeHeader("TT").key).toBe("tt"); // alone, it is the row number
  });

  test("maxima, percent and footnote markers are evidence, not words", () => {
    const a = normalizeHeader("Tiên độ, KQ giải quyết (30 điểm)");
    expect(a.evidence.maxPoints).toBe(30);
    expect(a.key).toBe("tien do ket qua giai quyet");
    const b = normalizeHeader("SỐ HÓA HỒ SƠ (80%)");
    expect(b.evidence).toMatchObject({ percent: true, percentTarget: 80 });
    expect(b.key).toBe("so hoa ho so");
    const c = normalizeHeader("Mức độ hài lòng (%)");
    expect(c.evidence).toMatchObject({ percent: true, percentTarget: null, maxPoints: null });
    const d = normalizeHeader("Tổng số hồ sơ xử lý quá hạn (*)");
    expect(d.evidence.footnote).toBe(true);
    expect(d.key).toBe("tong so ho so xu ly qua han");
    expect(normalizeHeader("Chỉ số 1 (7,5 điểm)").evidence.maxPoints).toBe(7.5);
  });
});

describe("normalizeUnitName", () => {
  test("UBND and unit-type prefixes, case, Unicode form and doubled spaces", () => {
    const same = ["UBND xã  Long Phước", "Xã Long Phước", "LONG PHƯỚC", "long phước".normalize("NFD"), "UBND Xã Long Phước"];
    expect(new Set(same.map(normalizeUnitName))).toEqual(new Set(["long phước"]));
    expect(normalizeUnitName("UBND phường Thanh Bình")).toBe(normalizeUnitName("UBND Thanh Bình"));
    expect(normalizeUnitName("UBND Thị trấn Bến Cầu")).toBe("bến cầu");
    expect(normalizeUnitName("UBND xã Đông Thái - tỉnh An Giang")).toBe("đông thái");
    expect(normalizeUnitName("TÂN HÒA")).toBe(normalizeUnitName("Tân Hoà"));
  });

  test("different units stay different", () => {
    expect(normalizeUnitName("Phú An")).not.toBe(normalizeUnitName("Phú Lâm"));
    expect(normalizeUnitName("Tiên Thuận")).not.toBe(normalizeUnitName("Tiến Thuận"));
  });
});

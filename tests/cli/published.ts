/**
 * The published Phú Tân appendix (seeds/phu-tan-an-giang-2024-05-tuan-01.txt, Phụ lục 1),
 * transcribed verbatim: tab-separated, <u>…</u> marks an underlined cell. Columns: STT, ĐƠN VỊ,
 * THÁNG 5 - TUẦN 01, XẾP LOẠI, THÁNG 4, ĐIỂM (TĂNG/GIẢM), CÔNG KHAI, TIẾN ĐỘ, DVCTT,
 * THANH TOÁN TT, SỐ HÓA HỒ SƠ, TÁI SỬ DỤNG, CHỨNG THỰC ĐT (sheet columns A–M).
 */
export const PHU_TAN_PUBLISHED = `	TOÀN HUYỆN	86.59	TỐT	80.53	6.06	100	98.88	74.6	49.95	72.3	0	0
1	PHÚ HÙNG	89.21	TỐT	77.38	11.83	100	100	100	98.41	82.1	0	0
2	PHÚ BÌNH	89.12	TỐT	88.97	0.15	100	100	100	100	82.1	0	0
3	TÂN HÒA	89.04	TỐT	89.06	-0.02	100	100	85.3	100	81.2	0	0
4	PHÚ THÀNH	89.04	TỐT	88.75	0.29	100	100	100	100	81.3	0	0
5	PHÚ HIỆP	88.82	TỐT	86.78	2.04	100	100	97.7	100	81.6	0	0
6	HIỆP XƯƠNG	88.72	TỐT	83.66	5.06	100	100	100	84.62	81.7	0	0
7	PHÚ MỸ	88.62	TỐT	81.75	6.87	100	98.97	97.9	93.75	81.9	0	0
8	PHÚ XUÂN	88.42	TỐT	89.15	-0.73	100	100	93.8	100	81.9	0	0
9	PHÚ THỌ	86.01	TỐT	80.21	5.8	100	100	<u>39</u>	77.42	82.2	0	0
10	TÂN TRUNG	84.24	TỐT	81.16	3.08	81.8	94.74	100	84.21	81.2	0	0
11	PHÚ THẠNH	83.96	TỐT	80.26	3.7	76.2	100	100	100	82	0	0
12	PHÚ AN	82.18	TỐT	77.84	4.34	83.7	100	93.4	92.98	82.1	0	0
13	CHỢ VÀM	81.78	TỐT	80.76	1.02	<u>60</u>	100	100	100	82	0	0
14	PHÚ LÂM	81.09	TỐT	81.09	0	100	100	94.7	100	81.5	0	0
15	LONG HÒA	80.79	TỐT	81.78	-0.99	<u>60.7</u>	100	88.2	91.3	80.3	0	0
16	HÒA LẠC	75.17	KHÁ	81.99	-6.82	<u>35.9</u>	100	92.9	100	81.8	0	0
17	BÌNH THẠNH ĐÔNG	74.81	KHÁ	79.56	-4.75	<u>34.9</u>	100	100	100	82	0	0
18	PHÚ LONG	<u>55.87</u>	<u>TB</u>	82.29	-26.42	<u>29.4</u>	<u>41.67</u>	100	100	82	0	0`;

export interface PublishedRow {
  /** 1-based sheet row in examples/phu-tan-2024-05-tuan-01.xlsx (data starts at row 7). */
  row: number;
  name: string;
  rating: string;
  change: number;
  /** A1 addresses of the underlined cells. */
  underlined: string[];
}

export function phuTanPublished(): PublishedRow[] {
  return PHU_TAN_PUBLISHED.split("\n").map((line, i) => {
    const cells = line.split("\t");
    const row = 7 + i;
    const underlined = cells.flatMap((c, j) => (/^<u>.*<\/u>$/.test(c) ? [`${String.fromCharCode(65 + j)}${row}`] : []));
    const plain = cells.map((c) => c.replace(/<\/?u>/g, ""));
    return { row, name: plain[1], rating: plain[3], change: Number(plain[5]), underlined };
  });
}

/** Điện Biên Phủ appendix, 9/2023 (seeds/dien-bien-phu-2023-09.txt): Điểm được, quy đổi, Xếp loại. */
export const DIEN_BIEN_PUBLISHED: [string, number, number, string][] = [
  ["UBND phường Him Lam", 71.51, 8.94, "Tốt"],
  ["UBND phường Nam Thanh", 68.13, 8.52, "Tốt"],
  ["UBND phường Mường Thanh", 68.11, 8.51, "Tốt"],
  ["UBND phường Tân Thanh", 63.86, 7.98, "Khá"],
  ["UBND xã Nà Tấu", 62.78, 7.85, "Khá"],
  ["UBND phường Thanh Trường", 61.88, 7.73, "Khá"],
  ["UBND xã Nà Nhạn", 58.43, 7.3, "Khá"],
  ["UBND xã Thanh Minh", 57.16, 7.15, "Khá"],
  ["UBND phường Noong Bua", 54.44, 6.81, "TB"],
  ["UBND xã Mường Phăng", 51.48, 6.44, "TB"],
  ["UBND xã Pá Khoang", 50.78, 6.35, "TB"],
  ["UBND phường Thanh Bình", 47.3, 5.91, "TB"],
];

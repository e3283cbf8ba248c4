// Level-1 codes ("mã cấp 1") of the provincial People's Committees: H + two digits, the right-most
// group of a QCVN 102:2016/BTTTT identifier (Thông tư 10/2016/TT-BTTTT). Quyết định 20/2020/QĐ-TTg
// Phụ lục I uses the same level-1 codes (Quyết định 09/2025/QĐ-TTg, amending it, keeps H57 for Huế).
//
// NOT the official table: no copy of it was found. This is a reconstruction. Every attested code
// below fits the names in alphabetical order, compared without diacritics or spaces ("Thừa Thiên
// Huế", its 2016 name), except that H28–H30 must be Hòa Bình, Hồ Chí Minh, Hậu Giang for the
// attested H29 and H30 to hold. Entries marked 'inferred' rest on that rule alone: check them
// against QĐ 20/2020 Phụ lục I before exchanging data with another system.
// Sources: docs/domain/agency-codes.md.

export type ProvinceCodeEvidence = 'attested' | 'inferred';

/** GSO province code, level-1 code, evidence, and for an attested code where it was seen. */
export type ProvinceCodeRow = readonly [
  gso: string,
  level1: string,
  evidence: ProvinceCodeEvidence,
  source?: string,
];

export const QCVN_102_PROVINCE_CODES: readonly ProvinceCodeRow[] = [
  ['89', 'H01', 'inferred'],
  ['24', 'H02', 'inferred'],
  ['06', 'H03', 'inferred'],
  ['95', 'H04', 'inferred'],
  ['27', 'H05', 'inferred'],
  ['77', 'H06', 'inferred'],
  ['83', 'H07', 'inferred'],
  ['52', 'H08', 'inferred'],
  ['74', 'H09', 'inferred'],
  ['70', 'H10', 'inferred'],
  ['60', 'H11', 'inferred'],
  ['96', 'H12', 'inferred'],
  ['92', 'H13', 'inferred'],
  ['04', 'H14', 'attested', 'edXML SDK sample: 000.00.00.H14 "UBND Tỉnh Cao Bằng"'],
  ['66', 'H15', 'inferred'],
  ['67', 'H16', 'inferred'],
  ['48', 'H17', 'inferred'],
  ['11', 'H18', 'inferred'],
  ['75', 'H19', 'attested', '1.001612.000.00.00.H19 linked to Đồng Nai on dichvucong.gov.vn'],
  ['87', 'H20', 'inferred'],
  ['64', 'H21', 'inferred'],
  ['02', 'H22', 'inferred'],
  ['30', 'H23', 'inferred'],
  ['31', 'H24', 'inferred'],
  ['35', 'H25', 'inferred'],
  ['01', 'H26', 'attested', 'legal-notes §3.1 (production data): UBND TP Hà Nội'],
  ['42', 'H27', 'attested', 'UBND tỉnh Hà Tĩnh QĐ 2803/QĐ-UBND (28/9/2017)'],
  ['17', 'H28', 'inferred'],
  ['79', 'H29', 'attested', 'TP HCM one-stop reports: 00.00.H29, 00.64.H29 Quận Tân Phú'],
  ['93', 'H30', 'attested', 'NGSP catalogue record: UBND tỉnh Hậu Giang, QĐ 1220/QĐ-UBND'],
  ['33', 'H31', 'inferred'],
  ['56', 'H32', 'inferred'],
  ['91', 'H33', 'inferred'],
  ['62', 'H34', 'inferred'],
  ['12', 'H35', 'inferred'],
  ['68', 'H36', 'inferred'],
  ['20', 'H37', 'inferred'],
  ['10', 'H38', 'inferred'],
  ['80', 'H39', 'inferred'],
  ['36', 'H40', 'inferred'],
  ['40', 'H41', 'attested', 'edXML SDK sample: 000.00.00.H41 "UBND Tỉnh Nghệ An"'],
  ['37', 'H42', 'inferred'],
  ['58', 'H43', 'inferred'],
  ['25', 'H44', 'inferred'],
  ['54', 'H45', 'inferred'],
  ['44', 'H46', 'inferred'],
  ['49', 'H47', 'attested', 'DVCQG API sample: 001.00.10.H47 "UBND Huyện Duy Xuyên"'],
  ['51', 'H48', 'inferred'],
  ['22', 'H49', 'attested', 'UBND tỉnh Quảng Ninh QĐ 3739/QĐ-UBND (03/11/2016)'],
  ['45', 'H50', 'inferred'],
  ['94', 'H51', 'inferred'],
  ['14', 'H52', 'inferred'],
  ['72', 'H53', 'inferred'],
  ['34', 'H54', 'attested', 'UBND tỉnh Thái Bình QĐ 3982/QĐ-UBND (27/12/2016)'],
  ['19', 'H55', 'inferred'],
  ['38', 'H56', 'attested', 'legal-notes §3.1 (production data): UBND tỉnh Thanh Hóa'],
  ['46', 'H57', 'attested', 'QĐ 09/2025/QĐ-TTg; hue.gov.vn paths 00.00.H57'],
  ['82', 'H58', 'inferred'],
  ['84', 'H59', 'inferred'],
  ['08', 'H60', 'inferred'],
  ['86', 'H61', 'inferred'],
  ['26', 'H62', 'inferred'],
  ['15', 'H63', 'inferred'],
];

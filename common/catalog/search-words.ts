// The words of people's searches that are not the catalogue's words: how people write a procedure
// ("khaisinh", "làm giấy khai sinh cho con", "cccd") against how the national database names it
// ("Thủ tục đăng ký khai sinh", "Cấp thẻ căn cước …"). Data, not code: every entry is folded text
// (common/text/fold.ts: no diacritics, lower case, words of [a-z0-9.]), and each list says where it
// comes from. Read by common/catalog/search.ts; docs/domain/catalog.md ("Search").

/**
 * Phrases rewritten before matching, longest first: run-together words (people type "khaisinh" as
 * VNeID and phone keyboards suggest it), the i/y spellings Vietnamese allows ("ký"/"kí"), and the
 * everyday names of papers whose procedure has another name ("chứng minh nhân dân", "hộ khẩu",
 * "sổ đỏ", "bằng lái"). Chosen by the motcua project (2026-12-06) from the catalogue's own names.
 */
export const SEARCH_SYNONYMS: Readonly<Record<string, string>> = {
  khaisinh: 'khai sinh',
  khaitu: 'khai tu',
  kethon: 'ket hon',
  dangky: 'dang ky',
  dangki: 'dang ky',
  'dang ki': 'dang ky',
  thuongtru: 'thuong tru',
  tamtru: 'tam tru',
  tamvang: 'tam vang',
  hochieu: 'ho chieu',
  'ho khau': 'thuong tru',
  cmnd: 'can cuoc',
  cccd: 'can cuoc',
  'chung minh nhan dan': 'can cuoc',
  'chung minh thu': 'can cuoc',
  'can cuoc cong dan': 'can cuoc',
  'bang lai xe': 'giay phep lai xe',
  'bang lai': 'giay phep lai xe',
  'so do': 'giay chung nhan quyen su dung dat',
  'so hong': 'giay chung nhan quyen su dung dat',
  'cong chung': 'chung thuc',
};

/**
 * Words and phrases of a request that name no procedure ("làm", "xin", "cho con", "thủ tục", "giấy",
 * "ở đâu"): left out of the match, so that "làm giấy khai sinh cho con" is a search for "khai sinh".
 * A query made only of them is searched as typed. Chosen by the motcua project (2026-12-06).
 */
export const SEARCH_STOP_PHRASES: readonly string[] = [
  'nhu the nao',
  'the nao',
  'o dau',
  'huong dan',
  'thu tuc',
  'cho con',
  'cho be',
  'cho tre',
  'cho chau',
  'cua toi',
  'giay to',
  'lam',
  'xin',
  'toi',
  'muon',
  'giay',
  'cach',
  'nop',
  'online',
];

/**
 * The procedures most people meet, ranked first among the procedures a search finds (weight 1–3).
 * A curated list, not a measured count: chosen by the motcua project (2026-12-06) from the 47
 * procedures of the reference catalogue — civil status, residence, identity papers, certification and
 * the household business, the groups the government's essential online services (Decision
 * 06/QĐ-TTg of 6 January 2022, the "Đề án 06") put first. A deployment with a year of dossiers can
 * rank by its own counts instead.
 */
export const COMMON_PROCEDURES: Readonly<Record<string, number>> = {
  '1.001193': 3, // đăng ký khai sinh
  '1.004222': 3, // đăng ký thường trú
  '1.004194': 3, // đăng ký tạm trú
  '1.014061': 3, // cấp thẻ căn cước (từ đủ 14 tuổi)
  '2.000815': 3, // chứng thực bản sao từ bản chính
  '1.000894': 2, // đăng ký kết hôn
  '1.000656': 2, // đăng ký khai tử
  '1.004873': 2, // xác nhận tình trạng hôn nhân
  '2.000884': 2, // chứng thực chữ ký
  '3.000333': 2, // phiếu lý lịch tư pháp
  '1.001456': 2, // hộ chiếu phổ thông
  '3.000348': 2, // cấp lại giấy phép lái xe
  '1.001612': 2, // thành lập hộ kinh doanh
  '3.000722': 1, // liên thông khai sinh – thường trú – BHYT – căn cước
};

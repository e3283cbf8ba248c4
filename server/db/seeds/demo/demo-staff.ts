// Demo staff accounts, at agencies of the two-level map in force since 1/7/2025. Agencies are named by
// unit and kind, never by code, so that the accounts survive a change of the agency code scheme;
// resolve them with getAgency() from ../reference/agencies.ts. Every account's password is
// DEMO_PASSWORD, hashed by the seeder. The usernames are those of the first demo, on the map before
// the reform (README): each account moved to where its unit's work went (Hàng Trống → Phường Hoàn
// Kiếm, Hàng Bạc's neighbour Cửa Nam, Huyện Thanh Oai → Xã Thanh Oai, Quận 3 → Phường Nhiêu Lộc,
// Quảng Nam → Đà Nẵng); the former district of Hoàn Kiếm's accounts work at the city's People's
// Committee, the one level now above the wards.
import type { Role } from '../../../../common/auth/roles.ts';
import type { AgencySelector } from '../reference/agencies.ts';

export type DemoStaffMember = {
  username: string;
  fullName: string;
  roles: { role: Role; agency: AgencySelector }[];
};

export const DEMO_PASSWORD = 'demo';

const HA_NOI = '01';
/** Thành phố Đà Nẵng, which Tỉnh Quảng Nam joined on 1/7/2025. */
const QUANG_NAM = '48';
/** Quận Hoàn Kiếm ended on 30/6/2025; its wards' work is overseen by the city. */
const HOAN_KIEM = HA_NOI;
/** Phường Hoàn Kiếm (00070 since 1/7/2025, formed from Hàng Trống, Hàng Bạc and eleven more wards). */
const HANG_TRONG = '00070';
/** Phường Cửa Nam (00082), which took the rest of Hàng Trống. */
const HANG_BAC = '00082';
const THANH_OAI = '10114';
const MY_DUC = '10441';
const TAY_GIANG = '20455';
const NAM_TRA_MY = '20944';
/** Phường Nhiêu Lộc, formed from four wards of the former Quận 3. */
const QUAN_3 = '27142';

const committee = (unitCode: string): AgencySelector => ({ unitCode, kind: 'people-committee' });

export const DEMO_STAFF: readonly DemoStaffMember[] = [
  {
    username: 'demo-admin',
    fullName: 'Nguyễn Văn Hùng',
    roles: [{ role: 'province-admin', agency: committee(HA_NOI) }],
  },
  {
    username: 'auditor.ha-noi',
    fullName: 'Phạm Thị Thanh Huyền',
    roles: [{ role: 'auditor', agency: committee(HA_NOI) }],
  },
  {
    username: 'admin.quang-nam',
    fullName: 'Trần Đình Khoa',
    roles: [{ role: 'province-admin', agency: committee(QUANG_NAM) }],
  },

  {
    username: 'desk.hang-trong',
    fullName: 'Lê Thị Mai Anh',
    roles: [{ role: 'desk-officer', agency: committee(HANG_TRONG) }],
  },
  {
    username: 'specialist.hang-trong',
    fullName: 'Đỗ Quang Minh',
    roles: [{ role: 'specialist', agency: committee(HANG_TRONG) }],
  },
  {
    username: 'leader.hang-trong',
    fullName: 'Vũ Thị Hồng Nhung',
    roles: [{ role: 'leader', agency: committee(HANG_TRONG) }],
  },
  {
    username: 'desk.hang-bac',
    fullName: 'Hoàng Minh Tuấn',
    roles: [{ role: 'desk-officer', agency: committee(HANG_BAC) }],
  },
  {
    username: 'specialist.hang-bac',
    fullName: 'Bùi Thị Lan Phương',
    roles: [{ role: 'specialist', agency: committee(HANG_BAC) }],
  },

  {
    username: 'desk.hoan-kiem',
    fullName: 'Ngô Thị Thu Trang',
    roles: [{ role: 'desk-officer', agency: committee(HOAN_KIEM) }],
  },
  {
    username: 'specialist.hoan-kiem',
    fullName: 'Đặng Văn Long',
    roles: [{ role: 'specialist', agency: committee(HOAN_KIEM) }],
  },
  {
    username: 'leader.hoan-kiem',
    fullName: 'Phan Thị Ngọc Bích',
    roles: [{ role: 'leader', agency: committee(HOAN_KIEM) }],
  },
  {
    username: 'admin.hoan-kiem',
    fullName: 'Trịnh Xuân Bách',
    roles: [{ role: 'unit-admin', agency: committee(HOAN_KIEM) }],
  },

  {
    username: 'desk.thanh-oai',
    fullName: 'Nguyễn Thị Hằng',
    roles: [{ role: 'desk-officer', agency: committee(THANH_OAI) }],
  },
  {
    username: 'specialist.thanh-oai',
    fullName: 'Lê Văn Thắng',
    roles: [{ role: 'specialist', agency: committee(THANH_OAI) }],
  },
  {
    username: 'leader.thanh-oai',
    fullName: 'Trần Thị Kim Oanh',
    roles: [{ role: 'leader', agency: committee(THANH_OAI) }],
  },
  {
    username: 'desk.my-duc',
    fullName: 'Đinh Thị Thảo',
    roles: [{ role: 'desk-officer', agency: committee(MY_DUC) }],
  },
  {
    username: 'specialist.my-duc',
    fullName: 'Nguyễn Đức Thịnh',
    roles: [{ role: 'specialist', agency: committee(MY_DUC) }],
  },
  {
    username: 'leader.my-duc',
    fullName: 'Phạm Văn Quyết',
    roles: [{ role: 'leader', agency: committee(MY_DUC) }],
  },

  {
    username: 'specialist.stp-ha-noi',
    fullName: 'Lương Thị Diệu Linh',
    roles: [{ role: 'specialist', agency: { unitCode: HA_NOI, kind: 'justice' } }],
  },
  {
    username: 'leader.stp-ha-noi',
    fullName: 'Hà Quang Vinh',
    roles: [{ role: 'leader', agency: { unitCode: HA_NOI, kind: 'justice' } }],
  },
  {
    username: 'desk.ttpvhcc-ha-noi',
    fullName: 'Đào Thị Phương Thảo',
    roles: [{ role: 'desk-officer', agency: { unitCode: HA_NOI, kind: 'public-administration-centre' } }],
  },

  {
    username: 'desk.tay-giang',
    fullName: 'Bríu Thị Hoa',
    roles: [{ role: 'desk-officer', agency: committee(TAY_GIANG) }],
  },
  {
    username: 'leader.tay-giang',
    fullName: 'Alăng Văn Thuận',
    roles: [{ role: 'leader', agency: committee(TAY_GIANG) }],
  },
  {
    username: 'desk.nam-tra-my',
    fullName: 'Hồ Thị Na',
    roles: [{ role: 'desk-officer', agency: committee(NAM_TRA_MY) }],
  },

  {
    username: 'desk.quan-3',
    fullName: 'Huỳnh Thị Bảo Ngọc',
    roles: [{ role: 'desk-officer', agency: committee(QUAN_3) }],
  },
  {
    username: 'specialist.quan-3',
    fullName: 'Trương Minh Khang',
    roles: [{ role: 'specialist', agency: committee(QUAN_3) }],
  },
  {
    username: 'leader.quan-3',
    fullName: 'Lâm Quốc Thái',
    roles: [{ role: 'leader', agency: committee(QUAN_3) }],
  },
];

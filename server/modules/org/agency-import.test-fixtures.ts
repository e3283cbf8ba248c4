// Agencies of Hà Nội (H26) as the reference seeds code them (docs/domain/agency-codes.md), for the
// import tests.
import type { AgencyPlanOptions, RegistryAgency } from './agency-import-plan.ts';

export const HANOI: RegistryAgency[] = [
  {
    agencyId: '1',
    code: '000.00.00.H26',
    name: 'Ủy ban nhân dân Thành phố Hà Nội',
    parentCode: null,
    validTo: null,
  },
  {
    agencyId: '2',
    code: '000.00.01.H26',
    name: 'Trung tâm Phục vụ hành chính công Thành phố Hà Nội',
    parentCode: '000.00.00.H26',
    validTo: null,
  },
  {
    agencyId: '3',
    code: '000.00.02.H26',
    name: 'Sở Tư pháp Thành phố Hà Nội',
    parentCode: '000.00.00.H26',
    validTo: null,
  },
  {
    agencyId: '4',
    code: '000.00.22.H26',
    name: 'Ủy ban nhân dân Quận Hoàn Kiếm',
    parentCode: '000.00.00.H26',
    validTo: null,
  },
  {
    agencyId: '5',
    code: '000.12.22.H26',
    name: 'Ủy ban nhân dân Phường Hàng Trống',
    parentCode: '000.00.22.H26',
    validTo: null,
  },
  {
    agencyId: '6',
    code: '000.81.22.H26',
    name: 'Phòng Tư pháp Quận Hoàn Kiếm',
    parentCode: '000.00.22.H26',
    validTo: null,
  },
  // Closed with the 2025 reorganisation: its code is not given again.
  {
    agencyId: '7',
    code: '000.00.23.H26',
    name: 'Ủy ban nhân dân Quận Ba Đình',
    parentCode: '000.00.00.H26',
    validTo: '2025-06-30',
  },
  // Linked by hand under the Sở Tư pháp, though its code puts it under the city's committee.
  {
    agencyId: '8',
    code: '000.00.30.H26',
    name: 'Ban Quản lý dự án',
    parentCode: '000.00.02.H26',
    validTo: null,
  },
];

export const hanoiOptions: AgencyPlanOptions = { provinceLevel1: 'H26', asOf: '2025-08-01' };

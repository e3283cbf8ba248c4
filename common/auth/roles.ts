// Staff roles (vai trò). A role is always held within one agency.
export const ROLES = [
  'desk-officer',
  'specialist',
  'leader',
  'unit-admin',
  'province-admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'desk-officer': 'Cán bộ một cửa',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo',
  'unit-admin': 'Quản trị đơn vị',
  'province-admin': 'Quản trị cấp tỉnh',
  auditor: 'Thanh tra, kiểm tra (chỉ xem)',
};

/** Roles that may only read. */
export const READ_ONLY_ROLES: readonly Role[] = ['auditor'];

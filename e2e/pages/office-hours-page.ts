// /quan-tri/gio-lam-viec/<agencyCode>: an agency's office hours and their editor.
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const officeHoursPath = (agencyCode: string): string => `/quan-tri/gio-lam-viec/${agencyCode}`;

export class OfficeHoursPage extends AppShell {
  get hoursTable(): Locator {
    return this.page.getByRole('table', { name: 'Các phiên làm việc trong tuần' });
  }

  get editButton(): Locator {
    return this.page.getByRole('button', { name: 'Sửa giờ làm việc' });
  }

  get editor(): Locator {
    return this.page.getByRole('region', { name: 'Sửa giờ làm việc' });
  }

  /** The fieldset of a day: "Thứ Hai" … "Tiếp nhận hồ sơ ngày Thứ Bảy". */
  day(name: string): Locator {
    return this.editor.getByRole('group', { name: new RegExp(`^${name}`) });
  }

  session(day: string, n: number): Locator {
    return this.day(day).getByRole('group', { name: `Phiên ${n}` });
  }

  get save(): Locator {
    return this.editor.getByRole('button', { name: 'Lưu giờ làm việc' });
  }
}

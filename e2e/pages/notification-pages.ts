// Issue #18's screens: "Thông báo đã gửi" on a dossier (staff and applicant alike), the applicant's
// choice of channels (apply page and desk intake), and /quan-tri/thong-bao (the province's channels and
// templates).
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const NOTIFICATION_ADMIN_PATH = '/quan-tri/thong-bao';

/** The section on a dossier's page, staff's or the applicant's. */
export class NotificationsSection {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Thông báo đã gửi' });
  }

  /** The rows of one channel ("SMS", "e-mail", "Zalo" appear in their state's words). */
  get rows(): Locator {
    return this.section.locator('tbody tr');
  }

  row(channel: 'email' | 'sms' | 'zalo', event?: string): Locator {
    const rows = this.section.locator(`tbody tr[data-channel="${channel}"]`);
    return event ? rows.filter({ has: this.page.locator('th', { hasText: event }) }) : rows;
  }
}

/** The tick boxes of the applicant's channels, by the id prefix of the page (`apply-notify-by`). */
export class NotifyChoice {
  readonly page: Page;
  readonly prefix: string;
  constructor(page: Page, prefix: string) {
    this.page = page;
    this.prefix = prefix;
  }

  box(channel: 'email' | 'sms' | 'zalo'): Locator {
    return this.page.locator(`#${this.prefix}-${channel}`);
  }
}

export class NotificationAdminPage extends AppShell {
  async goto(): Promise<void> {
    await this.page.goto(NOTIFICATION_ADMIN_PATH);
    await this.heading.waitFor();
  }

  editButton(event: string, channel: 'email' | 'sms' | 'zalo'): Locator {
    return this.page.locator(`#template-edit-${event}-${channel}`);
  }

  templateRow(event: string, channel: 'email' | 'sms' | 'zalo'): Locator {
    return this.page.locator('tr').filter({ has: this.editButton(event, channel) });
  }

  get editor(): Locator {
    return this.page.locator('section.template-editor');
  }

  /** "Hộp thư thử nghiệm": the e-mails the demo's SMTP sink received (demo mode only). */
  get demoInbox(): Locator {
    return this.page.getByRole('region', { name: 'Hộp thư thử nghiệm' });
  }

  /** One e-mail of the demo inbox, by its subject. */
  demoMail(subject: string): Locator {
    return this.demoInbox.getByRole('article', { name: subject });
  }

  field(name: string): Locator {
    return this.page.locator(`#template-${name}`);
  }

  /** The message printed beside a field (its `-error` element). */
  fieldError(name: string): Locator {
    return this.page.locator(`#template-${name}-error`);
  }

  get errorSummary(): Locator {
    return this.editor.locator('.error-summary');
  }

  get notice(): Locator {
    return this.editor.locator('.notice');
  }

  button(name: string): Locator {
    return this.editor.getByRole('button', { name, exact: true });
  }

  get preview(): Locator {
    return this.editor.locator('.template-preview');
  }
}

// Any unknown address.
import { AppShell } from './app-shell.ts';

export class NotFoundPage extends AppShell {
  async goto(pathname = '/khong-co-trang-nay'): Promise<void> {
    await this.page.goto(pathname);
    await this.heading.waitFor();
  }
}

// /dang-nhap
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { AppShell } from './app-shell.ts';

export const SIGN_IN_PATH = '/dang-nhap';

export class SignInPage extends AppShell {
  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}` : SIGN_IN_PATH);
    await this.heading.waitFor();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get username(): Locator {
    return this.page.locator('#sign-in-username');
  }

  get password(): Locator {
    return this.page.locator('#sign-in-password');
  }

  get submit(): Locator {
    return this.page.locator('form button[type=submit]');
  }

  get alert(): Locator {
    return this.page.locator('main [role=alert]');
  }

  /** The error printed beside a field (linked to it with aria-describedby). */
  async fieldError(input: Locator): Promise<string> {
    const id = await input.getAttribute('aria-describedby');
    assert.ok(id, 'the field has no error description');
    return (await this.page.locator(`#${id}`).innerText()).trim();
  }

  /** Keyboard only: Tab to the username field, type, Tab, type, Enter. */
  async signInWithKeyboard(username: string, password: string): Promise<void> {
    for (let i = 0; i < 15; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate(() => document.activeElement?.id ?? '');
      if (focused === 'sign-in-username') break;
    }
    assert.equal(await this.page.evaluate(() => document.activeElement?.id), 'sign-in-username');
    await this.page.keyboard.type(username);
    await this.page.keyboard.press('Tab');
    assert.equal(await this.page.evaluate(() => document.activeElement?.id), 'sign-in-password');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Sign in and wait until the app has left the sign-in page. */
  async signInAs(username: string, password = 'demo'): Promise<void> {
    await this.signIn(username, password);
    // A sign-in hashes the password (argon2) and the app then loads: on a machine running three
    // journeys at once, beside a long write on the one-session embedded database, it can take longer
    // than the default navigation wait.
    await this.page.waitForURL((url) => url.pathname !== SIGN_IN_PATH, { timeout: 30_000 });
    await this.userName.waitFor();
  }
}

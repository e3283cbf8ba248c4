// Debian's Chromium (apt-get install chromium); never a browser downloaded by Playwright.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

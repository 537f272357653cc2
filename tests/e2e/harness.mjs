// Shared by the browser end-to-end tests and the benchmark: serve www/ on a free loopback
// port, drive the system Chromium with playwright-core, and watch every page for requests
// off its origin, console errors and CSP violations.
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions, ensureChromium } from '../../scripts/lib/setup.mjs';
import { serve } from '../../scripts/serve.mjs';

export async function startHarness() {
  const { chromium: executablePath } = ensureChromium();
  const { server, url } = await serve({ port: 0, quiet: true });
  const browser = await chromium.launch(chromiumLaunchOptions(executablePath));
  const origin = new URL(url).origin;
  return {
    url,
    origin,
    browser,
    /** A fresh context and page with watchers; `problems` collects what a test must not see. */
    /** `before(context)`, when given, runs before the page opens (routes, init scripts). */
    async open(path = '', { locale = 'en-US', viewport = { width: 1100, height: 900 }, base = url, permissions = [], before = null } = {}) {
      const pageOrigin = new URL(base).origin;
      const context = await browser.newContext({ locale, viewport });
      if (permissions.length) await context.grantPermissions(permissions, { origin: pageOrigin });
      // Tests ask for the focused element inside <credit-calculator>'s shadow root.
      await context.addInitScript(() => {
        Object.defineProperty(window, 'deepActive', {
          get() {
            let a = document.activeElement;
            while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
            return a;
          },
        });
      });
      if (before) await before(context);
      const page = await context.newPage();
      const problems = { offOrigin: [], consoleErrors: [], pageErrors: [] };
      page.on('request', (req) => {
        const u = new URL(req.url());
        if (u.origin !== pageOrigin && u.protocol !== 'data:' && u.protocol !== 'blob:') problems.offOrigin.push(req.url());
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') problems.consoleErrors.push(`${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.pageErrors.push(err.message));
      await page.goto(new URL(path, base).href);
      return { page, context, problems };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// Shared set-up for page tests: the project's own server (with its CSP) on a free loopback
// port, and Debian's Chromium driven by playwright-core (no browser download).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export async function launch() {
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  const seen = { requests: [], consoleErrors: [], pageErrors: [], cspViolations: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server, browser, page, seen,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Every request went to the test server's origin. */
export function foreignRequests(seen, server) {
  return seen.requests.filter((u) => !u.startsWith(server.url + '/') && !u.startsWith('data:'));
}

// Headless Chromium from Debian (Playwright's own download fails here), launched with the flags
// /work/shared/ENVIRONMENT.md measured to work on these machines.
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';

export function chromiumPath(): string {
  const found = execFileSync('sh', ['-c', 'command -v chromium || true'], { encoding: 'utf8' }).trim();
  if (!found) throw new Error('chromium is not on PATH (apt-get install -y chromium)');
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * Polls a page expression from Node until it is truthy. page.waitForFunction with a string would
 * eval in the page, which the dashboard's CSP (no 'unsafe-eval') forbids; page.evaluate does not.
 * The measurements never depend on when this notices: the page stamps its own times.
 */
export async function pollUntil(page: Page, expression: string, timeoutMs: number, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

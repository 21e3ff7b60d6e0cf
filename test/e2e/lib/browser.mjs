// Debian's Chromium driven by playwright-core (never a downloaded browser), closed on every exit path.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromiumPath, toolsDir } from './tools.mjs';
import { trackCloser } from './processes.mjs';

const requireTools = createRequire(join(toolsDir, 'package.json'));

export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** @returns {Promise<{ browser: import('playwright-core').Browser, close: () => Promise<void> }>} */
export async function launchChromium() {
  const { chromium } = requireTools('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const close = async () => {
    untrack();
    await browser.close().catch(() => {});
  };
  const untrack = trackCloser(close);
  return { browser, close };
}

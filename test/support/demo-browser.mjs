// What the end-to-end tests of the demo share: the demo server with a counter server writing a real SQLite file of
// its own, Chromium, and waiting for a count of elements.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startDemoServer } from '../../scripts/demo-server.mjs';

/** How long a test waits for what a page shows. */
export const wait = 15_000;

/**
 * Starts the demo server (serving `root`, the repository by default) with counts in a fresh SQLite file, and
 * Chromium. `close()` stops both and removes the file.
 */
export async function startDemoBrowser({ root } = {}) {
  const data = mkdtempSync(path.join(tmpdir(), 'news-widgets-e2e-'));
  const server = await startDemoServer({ port: 0, root, counterDb: path.join(data, 'counts.sqlite') });
  const browser = await chromium.launch({ executablePath: chromiumPath, timeout: 60_000, args: chromiumArgs });
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** Waits until a locator matches exactly `count` elements; `why` says what else to report when it never does. */
export async function expectCount(locator, count, why = () => '') {
  const deadline = Date.now() + wait;
  let last = -1;
  while (Date.now() < deadline) {
    last = await locator.count();
    if (last === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(last, count, typeof why === 'function' ? why() : why);
}

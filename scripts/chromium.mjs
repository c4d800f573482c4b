// The browser every test and benchmark drives: Debian's Chromium (or CHROME_PATH), with the flags it needs here.
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** No sandbox (CI runs as root), no GPU, and no background traffic to services a closed network cannot reach. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * A regular Chrome's User-Agent. The counter server does not count headless browsers, so tests that record views
 * browse with this one; the server's own tests check that HeadlessChrome is not counted.
 */
export const regularUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

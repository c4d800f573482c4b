// Browser tests in Debian's Chromium (or CHROME_PATH), TypeScript through esbuild, fixture feeds over real HTTP.
import path from 'node:path';
import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { testRoutes } from './test/support/test-routes.mjs';
import { corpusRoutes } from './test/support/corpus-routes.mjs';
import { countReporter } from './test/support/count-reporter.mjs';

// Pinned so date tests mean the same on every machine.
process.env.TZ = 'UTC';

const chromeArgs = [
  '--lang=en-US',
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  concurrency: 1,
  testsFinishTimeout: 180000,
  browserStartTimeout: 60000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [testRoutes(), corpusRoutes()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: chromeArgs,
      },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"></head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [
    process.env.CI ? summaryReporter({ flatten: false }) : defaultReporter(),
    countReporter({ outFile: path.resolve('.test-results/browser.json') }),
  ],
};

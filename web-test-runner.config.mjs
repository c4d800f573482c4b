// Browser tests in Chromium, Firefox and WebKit (Debian's packages), TypeScript through esbuild, fixture feeds over real HTTP.
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { testRoutes } from './test/support/test-routes.mjs';
import { corpusRoutes } from './test/support/corpus-routes.mjs';
import { startCounterServer } from './test/support/counter-server.mjs';
import { countReporter } from './test/support/count-reporter.mjs';
import { browserLaunchers, freePort } from './test/support/browsers.mjs';

// Pinned so date tests mean the same on every machine.
process.env.TZ = 'UTC';

// Known before the pages are served, so the counter server can allow their origin.
const port = await freePort();
const counter = await startCounterServer([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);

export default {
  port,
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  rootDir: '.',
  concurrency: 1,
  testsFinishTimeout: 180000,
  browserStartTimeout: 60000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [testRoutes(), corpusRoutes(), counter.middleware],
  plugins: [
    { name: 'counter-server', serverStop: () => counter.stop() },
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }),
  ],
  browsers: await browserLaunchers(),
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

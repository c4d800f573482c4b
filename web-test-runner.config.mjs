// Browser tests in Debian's Chromium (or CHROME_PATH), TypeScript through esbuild, fixture feeds over real HTTP.
import path from 'node:path';
import { chromeLauncher } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { testRoutes } from './test/support/test-routes.mjs';
import { corpusRoutes } from './test/support/corpus-routes.mjs';
import { startCounterServer } from './test/support/counter-server.mjs';
import net from 'node:net';
import { countReporter } from './test/support/count-reporter.mjs';
import { chromiumArgs, chromiumPath, regularUserAgent } from './scripts/chromium.mjs';

// Pinned so date tests mean the same on every machine.
process.env.TZ = 'UTC';

const chromeArgs = [...chromiumArgs, '--headless=new', '--lang=en-US', `--user-agent=${regularUserAgent}`];

/** A free port for the test pages, known before they are served so the counter server can allow their origin. */
const port = await new Promise((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
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
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
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

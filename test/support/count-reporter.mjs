// A @web/test-runner reporter that prints "N passed, N failed" per engine and in all, and saves the counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

const line = ({ passed, failed, skipped }) =>
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;

/** Launchers name the browser product; the summary names the engine. */
const engineNames = { Chrome: 'Chromium', Chromium: 'Chromium', Firefox: 'Firefox', MiniBrowser: 'WebKit' };

export function countReporter({ outFile } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      const engines = {};
      for (const session of sessions) {
        const name = engineNames[session.browser?.name] ?? session.browser?.name ?? 'browser';
        const counts = (engines[name] ??= { passed: 0, failed: 0, skipped: 0 });
        const before = { ...counts };
        if (session.testResults) countSuite(session.testResults, counts);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
        for (const key of Object.keys(total)) total[key] += counts[key] - before[key];
      }
      if (outFile) {
        mkdirSync(path.dirname(outFile), { recursive: true });
        writeFileSync(outFile, JSON.stringify({ ...total, engines }));
      }
      console.log('');
      for (const [name, counts] of Object.entries(engines)) console.log(`${name}: ${line(counts)}`);
      console.log(`browsers: ${line(total)}`);
    },
  };
}

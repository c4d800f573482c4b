// `npm test`: build, type-check and lint, browser tests in three engines, Node tests, bundle budgets; a summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

process.env.TZ = 'UTC';
const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
/** One line per part of the run, printed again at the end. */
const summary = [];

function step(name, cmd, args) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return status === 0;
}

/** A step that is a single check (build, lint): one test in the count. */
function check(name, cmd, args) {
  const ok = step(name, cmd, args);
  if (ok) passed += 1;
  else failed += 1;
  summary.push(`${name}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
}

const built = check('build', 'node', ['scripts/build.mjs']);
check('type-check', 'node_modules/.bin/tsc', ['-p', 'tsconfig.test.json']);
check('lint', 'npm', ['run', '--silent', 'lint']);

const browserOk = step('browser tests', 'node_modules/.bin/web-test-runner', []);
const browserFile = `${results}/browser.json`;
if (existsSync(browserFile)) {
  const counts = JSON.parse(readFileSync(browserFile, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
  for (const [engine, c] of Object.entries(counts.engines ?? {})) {
    summary.push(
      `browser tests, ${engine}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`,
    );
  }
  if (!browserOk && counts.failed === 0) failed += 1;
} else {
  failed += 1;
}

const nodeTap = `${results}/node.tap`;
const nodeOk = step('node tests', 'node', [
  '--test',
  '--test-concurrency=1',
  // A watchdog, not a budget: a test, or a file whose process does not exit (a leaked handle), is cancelled after
  // ten minutes and counted as failed, so a hang can never stall CI.
  '--test-timeout=600000',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${nodeTap}`,
  'test/node/',
]);
if (existsSync(nodeTap)) {
  const tap = readFileSync(nodeTap, 'utf8');
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  summary.push(
    `node tests: ${count('pass')} passed, ${count('fail')} failed${count('cancelled') ? `, ${count('cancelled')} cancelled (timed out)` : ''}${count('skipped') ? `, ${count('skipped')} skipped` : ''}`,
  );
  if (!nodeOk && count('fail') === 0) failed += 1;
} else {
  failed += 1;
}

if (built) check('bundle budgets', 'node', ['scripts/size.mjs']);
else failed += 1;

console.log(`\n${summary.join('\n')}\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

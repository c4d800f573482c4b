// `npm start`: builds the bundle (skip with --no-build), then serves the demo pages until stopped.
import { spawnSync } from 'node:child_process';
import { startDemoServer } from './demo-server.mjs';

if (!process.argv.includes('--no-build')) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { status, error } = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (error || status !== 0) {
    console.error('news-widgets demo: the build failed, so the demo was not started.');
    process.exit(status || 1);
  }
}

const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
// The demo's view counts live in a git-ignored SQLite file.
const counterDb = process.env.NEWS_COUNTER_DB || '.data/demo-counts.sqlite';
const { port: actualPort, close } = await startDemoServer({ port, host: process.env.HOST || '127.0.0.1', counterDb });
console.log(`news-widgets demo: http://localhost:${actualPort}/ (view counts in ${counterDb})`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

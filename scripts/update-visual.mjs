// `npm run test:visual:update`: pictures the demo again and writes the reference images in test/visual/.
import { spawnSync } from 'node:child_process';

const { status } = spawnSync(process.execPath, ['--test', 'test/node/visual.e2e.test.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, NEWS_VISUAL_UPDATE: '1' },
});
if (status === 0) console.log('\nReference images written to test/visual/: look at them, then commit them.');
process.exit(status ?? 1);

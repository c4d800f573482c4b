// Builds everything a release ships: dist/ (ESM + .d.ts), cdn/ (one-file bundle + lazy chunks), custom-elements.json.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
rmSync('cdn', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.json']);
run(bin('rollup'), ['-c', '--silent']);
run(bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/server/**', '--quiet']);
// From the manifest: framework types, React wrappers and editor data, under dist/.
run('node', ['scripts/generate-integrations.mjs']);
console.log('built dist/, cdn/news-widgets.js and custom-elements.json');

// Builds everything a release ships: dist/ (ESM + .d.ts, the counter server in dist/server), cdn/ (one-file bundle + lazy chunks), custom-elements.json.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
rmSync('cdn', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.json']);
// The counter server: Node only, no DOM types; the protocol module it shares must need neither DOM nor Node.
run(bin('tsc'), ['-p', 'tsconfig.server.json']);
run(bin('tsc'), ['-p', 'tsconfig.protocol.json']);
run(bin('rollup'), ['-c', '--silent']);
run(bin('cem'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/server/**', '--quiet']);
// From the manifest: framework types, React wrappers and editor data, under dist/.
run('node', ['scripts/generate-integrations.mjs']);
console.log('built dist/ (with dist/server), cdn/news-widgets.js and custom-elements.json');

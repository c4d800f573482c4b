// The one-file CDN bundle: Lit inside, minified; language chunks load lazily from beside it.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: 'dist/define.js',
  output: {
    dir: 'cdn',
    format: 'es',
    entryFileNames: 'news-widgets.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    terser({ ecma: 2021, module: true, format: { comments: false } }),
  ],
};

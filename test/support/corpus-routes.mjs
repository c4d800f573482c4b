// Serves the third-party test corpora (test/fixtures/corpus) as raw bytes, with folder listings.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus');

function inside(relative) {
  const file = path.resolve(corpusRoot, relative);
  return file.startsWith(corpusRoot + path.sep) ? file : undefined;
}

/**
 *   /test-api/corpus/list?dir=feedparser/tests/wellformed/sanitize → ["a.xml", ...]
 *   /test-api/corpus/file?path=feedparser/tests/.../a.xml          → the file's bytes
 */
export function corpusRoutes() {
  return async function corpusMiddleware(ctx, next) {
    if (!ctx.path.startsWith('/test-api/corpus/')) return next();
    const target = inside(String(ctx.query.dir ?? ctx.query.path ?? ''));
    if (!target) {
      ctx.status = 400;
      return;
    }
    try {
      if (ctx.path === '/test-api/corpus/list') {
        ctx.type = 'application/json';
        ctx.body = JSON.stringify((await readdir(target)).filter((name) => !name.startsWith('.')).sort());
      } else if (ctx.path === '/test-api/corpus/file') {
        ctx.type = 'application/octet-stream';
        ctx.body = await readFile(target);
      } else {
        return next();
      }
    } catch {
      ctx.status = 404;
    }
  };
}

// Two parts of date-fns the widgets never run, swapped for stubs in the CDN bundle (see rollup.config.mjs):
// - each locale's `match`, the tables for *parsing* dates in that language (a third of a locale);
// - `defaultLocale` (all of en-US), used only when no locale is passed: the widgets always pass one.
// test/node/date-fns-stubs.test.mjs fails when date-fns moves or reshapes these files.

/** [file pattern, the stub's source, the names the real file exports] */
export const dateFnsStubs = [
  [/date-fns[\\/]locale[\\/][^\\/]+[\\/]_lib[\\/]match\.js$/, 'export const match = {};', ['match']],
  [/date-fns[\\/]_lib[\\/]defaultLocale\.js$/, 'export const defaultLocale = {};', ['defaultLocale']],
];

/** A rollup plugin that loads the stubs, and fails the build when one of them no longer replaces anything. */
export function dropUnusedDateFnsParts() {
  const used = new Set();
  return {
    name: 'drop-unused-date-fns-parts',
    buildStart() {
      used.clear();
    },
    load(id) {
      const stub = dateFnsStubs.find(([pattern]) => pattern.test(id));
      if (!stub) return null;
      used.add(stub[0]);
      return stub[1];
    },
    buildEnd(error) {
      // Bundles without date-fns (the loader) have nothing to stub.
      if (error || ![...this.getModuleIds()].some((id) => /[\\/]date-fns[\\/]/.test(id))) return;
      const unused = dateFnsStubs.filter(([pattern]) => !used.has(pattern));
      if (unused.length) {
        this.error(
          `date-fns stubs that replaced no file (has date-fns moved them?): ${unused.map(([p]) => p).join(', ')}`,
        );
      }
    },
  };
}

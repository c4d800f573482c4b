/**
 * The CDN bundle's stand-in for entities.ts: in a page, the browser's own table of HTML named entities (the
 * same in every engine), so the bundle need not ship HTML 4's. Same exports; rollup.config.mjs swaps it in.
 */
let box: HTMLTextAreaElement | undefined;
const known = new Map<string, string | undefined>();

// A textarea's content is text: setting it decodes references and parses no tags.
function decoded(reference: string): string {
  box ??= document.createElement('textarea');
  box.innerHTML = reference;
  return box.value;
}

/** The text of a named entity (`eacute`), or undefined for a name HTML does not define. */
export function namedEntity(name: string): string | undefined {
  if (!known.has(name)) {
    const value = /^[A-Za-z][A-Za-z\d]*$/.test(name) ? decoded(`&${name};`) : '';
    // "&notit;" reads as "&not" and "it;": only a reference decoded whole counts ("&semi;" is ";" itself).
    known.set(name, value && value !== `&${name};` && (!value.endsWith(';') || name === 'semi') ? value : undefined);
  }
  return known.get(name);
}

/** Whether HTML reads `&name` without its semicolon ("&copy 2024"). */
export const isLegacyEntity = (name: string): boolean =>
  namedEntity(name) !== undefined && decoded(`&${name}`) === namedEntity(name);

// Reads `id,count` CSV (a CMS's old "Clicks" numbers) and writes it to a store in one transaction.
import { readFile } from 'node:fs/promises';
import { ID_PATTERN } from './protocol.mjs';

/** Splits one CSV line into fields, with RFC 4180 quotes (`"a ""b"""`). Returns undefined when quotes are unbalanced. */
function splitCsvLine(line) {
  const fields = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= line.length) return undefined;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i += 1;
            break;
          }
        } else field += line[i++];
      }
      const rest = line.indexOf(',', i);
      if (line.slice(i, rest === -1 ? undefined : rest).trim()) return undefined;
      i = rest === -1 ? line.length : rest;
    } else {
      const end = line.indexOf(',', i);
      field = line.slice(i, end === -1 ? undefined : end);
      i = end === -1 ? line.length : end;
    }
    fields.push(field.trim());
    if (i >= line.length) return fields;
    i += 1; // the comma
  }
}

/**
 * Parses `id,count` lines. A first line that is not data (`id,count`, `article,clicks`...) is a header.
 * Blank lines are skipped. Every other line must hold a valid id and a whole number of at least 0;
 * without `add`, an id may appear once only.
 * @param {string} text
 * @param {{ add?: boolean }} [options]
 * @returns {{ rows: { id: string, count: number }[], errors: { line: number, reason: string }[] }}
 */
export function parseCountsCsv(text, { add = false } = {}) {
  /** @type {Map<string, { count: number, line: number }>} */
  const byId = new Map();
  const errors = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let seenData = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const fields = splitCsvLine(raw);
    const isFirst = !seenData;
    seenData = true;
    if (!fields) return errors.push({ line, reason: 'unbalanced quotes' });
    if (isFirst && fields.length === 2 && !/^\d+$/.test(fields[1])) return; // header
    if (fields.length !== 2)
      return errors.push({ line, reason: `expected 2 fields (id,count), found ${fields.length}` });
    const [id, countText] = fields;
    if (!ID_PATTERN.test(id)) return errors.push({ line, reason: `invalid id ${JSON.stringify(id.slice(0, 140))}` });
    if (!/^\d+$/.test(countText) || !Number.isSafeInteger(Number(countText))) {
      return errors.push({ line, reason: `invalid count ${JSON.stringify(countText.slice(0, 40))}` });
    }
    const count = Number(countText);
    const earlier = byId.get(id);
    if (earlier && !add) return errors.push({ line, reason: `duplicate id ${id} (first on line ${earlier.line})` });
    byId.set(id, { count: (earlier?.count ?? 0) + count, line: earlier?.line ?? line });
  });
  return { rows: [...byId].map(([id, { count }]) => ({ id, count })), errors };
}

/**
 * Imports a CSV file. With any invalid line nothing is written, unless `skipInvalid`, which writes
 * the valid lines; either way every invalid line is returned with its number.
 * @param {import('./store.mjs').CounterStore} store
 * @param {string} file
 * @param {{ add?: boolean, skipInvalid?: boolean }} [options]
 * @returns {Promise<{ imported: number, errors: { line: number, reason: string }[], refused: boolean }>}
 */
export async function importCountsFile(store, file, { add = false, skipInvalid = false } = {}) {
  const { rows, errors } = parseCountsCsv(await readFile(file, 'utf8'), { add });
  if (errors.length && !skipInvalid) return { imported: 0, errors, refused: true };
  const imported = await store.importCounts(rows, { add });
  return { imported, errors, refused: false };
}

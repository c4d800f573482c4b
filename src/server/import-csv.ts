// Reads `id,count` CSV (a CMS's old "Clicks" numbers) and writes it to a store, all or nothing.
import { readFile } from 'node:fs/promises';
import { ID_PATTERN } from '../protocol/counter-protocol.js';
import type { CounterStore, ImportRow } from './store.js';
import { MAX_COUNT } from './store.js';

export interface CsvError {
  line: number;
  reason: string;
}

/** Splits one CSV line into fields, with RFC 4180 quotes (`"a ""b"""`). Returns undefined when quotes are unbalanced. */
function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
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
 * Blank lines are skipped. Every other line must hold a valid id and a whole number from 0 to 2^53 - 1;
 * without `add`, an id may appear once only; with it, an id's lines are summed, and the sum must stay
 * within 2^53 - 1 too.
 */
export function parseCountsCsv(text: string, { add = false } = {}): { rows: ImportRow[]; errors: CsvError[] } {
  const byId = new Map<string, { count: number; line: number }>();
  const errors: CsvError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let seenData = false;
  lines.forEach((raw, index): void => {
    const line = index + 1;
    if (!raw.trim()) return;
    const fields = splitCsvLine(raw);
    const isFirst = !seenData;
    seenData = true;
    const fail = (reason: string) => void errors.push({ line, reason });
    if (!fields) return fail('unbalanced quotes');
    if (isFirst && fields.length === 2 && !/^\d+$/.test(fields[1])) return; // header
    if (fields.length !== 2) return fail(`expected 2 fields (id,count), found ${fields.length}`);
    const [id, countText] = fields;
    if (!ID_PATTERN.test(id)) return fail(`invalid id ${JSON.stringify(id.slice(0, 140))}`);
    if (!/^\d+$/.test(countText)) return fail(`invalid count ${JSON.stringify(countText.slice(0, 40))}`);
    const count = Number(countText);
    if (!Number.isSafeInteger(count)) return fail(`invalid count ${countText.slice(0, 40)}: above ${MAX_COUNT}`);
    const earlier = byId.get(id);
    if (earlier && !add) return fail(`duplicate id ${id} (first on line ${earlier.line})`);
    const sum = (earlier?.count ?? 0) + count;
    if (!Number.isSafeInteger(sum)) return fail(`the lines of ${id} add up past ${MAX_COUNT}`);
    byId.set(id, { count: sum, line: earlier?.line ?? line });
  });
  return { rows: [...byId].map(([id, { count }]) => ({ id, count })), errors };
}

/**
 * Imports a CSV file. With any invalid line nothing is written, unless `skipInvalid`, which writes
 * the valid lines; either way every invalid line is returned with its number. The store writes all
 * rows or none (see CounterStore.importCounts).
 */
export async function importCountsFile(
  store: CounterStore,
  file: string,
  {
    add = false,
    skipInvalid = false,
    onProgress,
  }: { add?: boolean; skipInvalid?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ imported: number; errors: CsvError[]; refused: boolean }> {
  const { rows, errors } = parseCountsCsv(await readFile(file, 'utf8'), { add });
  if (errors.length && !skipInvalid) return { imported: 0, errors, refused: true };
  const imported = await store.importCounts(rows, { add, onProgress });
  return { imported, errors, refused: false };
}

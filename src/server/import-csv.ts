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
  // A million-line file is held once as text: one map of ids to row numbers, counts and first lines in
  // arrays, and no array of lines.
  const rowOf = new Map<string, number>();
  const counts: number[] = [];
  const firstLines: number[] = [];
  const errors: CsvError[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const breaks = /\r\n|\n|\r/g;
  let seenData = false;
  let line = 0;
  for (let from = 0; from <= source.length;) {
    const found = breaks.exec(source);
    const to = found ? found.index : source.length;
    const raw = source.slice(from, to);
    from = found ? to + found[0].length : source.length + 1;
    line += 1;
    if (!raw.trim()) continue;
    const fields = splitCsvLine(raw);
    const isFirst = !seenData;
    seenData = true;
    const fail = (reason: string) => void errors.push({ line, reason });
    if (!fields) {
      fail('unbalanced quotes');
      continue;
    }
    if (isFirst && fields.length === 2 && !/^\d+$/.test(fields[1])) continue; // header
    if (fields.length !== 2) {
      fail(`expected 2 fields (id,count), found ${fields.length}`);
      continue;
    }
    const [id, countText] = fields;
    if (!ID_PATTERN.test(id)) {
      fail(`invalid id ${JSON.stringify(id.slice(0, 140))}`);
      continue;
    }
    if (!/^\d+$/.test(countText)) {
      fail(`invalid count ${JSON.stringify(countText.slice(0, 40))}`);
      continue;
    }
    const count = Number(countText);
    if (!Number.isSafeInteger(count)) {
      fail(`invalid count ${countText.slice(0, 40)}: above ${MAX_COUNT}`);
      continue;
    }
    const row = rowOf.get(id);
    if (row === undefined) {
      rowOf.set(id, counts.length);
      counts.push(count);
      firstLines.push(line);
    } else if (!add) {
      fail(`duplicate id ${id} (first on line ${firstLines[row]})`);
    } else if (!Number.isSafeInteger(counts[row] + count)) {
      fail(`the lines of ${id} add up past ${MAX_COUNT}`);
    } else {
      counts[row] += count;
    }
  }
  const rows: ImportRow[] = [];
  for (const [id, row] of rowOf) rows.push({ id, count: counts[row] });
  return { rows, errors };
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

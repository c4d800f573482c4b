/** Runs parseFeed over feedparser's test corpus in the browser; the same checks run under Node in test/node. */
import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { htmlToText } from '../../src/feed/text.js';
import {
  FOLDERS,
  MINIMUM_PASSES,
  REQUIRED_RATE,
  corpusReport,
  evaluateCheck,
  passRate,
  type CorpusFile,
  type Outcome,
} from '../support/feedparser-corpus.js';

describe('parseFeed on the feedparser corpus', function () {
  this.timeout(120000);
  const results = new Map<string, { file: CorpusFile; outcome: Outcome }[]>();

  before(async () => {
    const index: CorpusFile[] = await (await fetch(`/test-api/corpus-index?dirs=${FOLDERS.join(',')}`)).json();
    await Promise.all(
      index.map(async (file) => {
        const bytes = new Uint8Array(
          await (await fetch(`/test-api/corpus?file=${encodeURIComponent(file.path)}`)).arrayBuffer(),
        );
        const folder = file.path.slice(0, file.path.lastIndexOf('/'));
        if (!results.has(folder)) results.set(folder, []);
        results.get(folder)!.push({ file, outcome: evaluateCheck(file, bytes, { parseFeed, htmlToText }) });
      }),
    );
    const lines = corpusReport(results);
    console.log(lines.join('\n'));
    await fetch('/test-api/corpus-report', { method: 'POST', body: lines.join('\n') }).catch(() => undefined);
  });

  for (const folder of FOLDERS) {
    it(`passes at least 95% of the applicable checks, and no fewer than before, in ${folder.replace('feedparser/tests/', '')}`, () => {
      const { applicable, passed, rate } = passRate(results.get(folder) ?? []);
      expect(applicable, 'applicable checks').to.be.greaterThan(0);
      expect(rate).to.be.at.least(REQUIRED_RATE);
      expect(passed, 'checks passed').to.be.at.least(MINIMUM_PASSES[folder.replace('feedparser/tests/', '')]);
    });
  }
});

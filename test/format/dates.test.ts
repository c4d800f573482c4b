import { expect } from '@open-wc/testing';
import { englishDates as en, formatNewsDate, isLive } from '../../src/format/dates.js';
import { loadLocale, matchLang } from '../../src/format/locale.js';

const now = Date.parse('2026-11-28T12:00:00Z');
const ago = (ms: number) => new Date(now - ms);

describe('news dates', () => {
  it('reads relative dates within a month and the date beyond it', () => {
    expect(formatNewsDate(ago(90_000), 'relative', en, now)).to.equal('1 minute ago');
    expect(formatNewsDate(ago(3 * 3_600_000 + 5), 'relative', en, now)).to.equal('3 hours ago');
    expect(formatNewsDate(ago(5 * 86_400_000), 'relative', en, now)).to.equal('5 days ago');
    expect(formatNewsDate(new Date('2026-01-15T08:00:00Z'), 'relative', en, now)).to.equal('Jan 15, 2026');
    expect(isLive(ago(1000), 'relative', now)).to.equal(true);
    expect(isLive(ago(1000), 'short', now)).to.equal(false);
  });

  it('does not call a date slightly ahead of the reader’s clock "in the future"', () => {
    expect(formatNewsDate(new Date(now + 30_000), 'relative', en, now)).to.equal('0 seconds ago');
  });

  it('formats short and long dates in each supported language', async () => {
    const date = new Date('2026-05-01T10:00:00Z');
    expect(formatNewsDate(date, 'short', en, now)).to.equal('May 1, 2026');
    expect(formatNewsDate(date, 'long', en, now)).to.equal('May 1, 2026');
    expect(formatNewsDate(new Date('2026-11-20T10:00:00Z'), 'long', en, now)).to.equal('November 20, 2026');
    const ru = await loadLocale('ru');
    expect(formatNewsDate(date, 'long', ru.dates, now)).to.equal('1 мая 2026 г.');
    expect(formatNewsDate(ago(2 * 3_600_000), 'relative', ru.dates, now)).to.equal('2 часа назад');
    const zh = await loadLocale('zh-CN');
    expect(formatNewsDate(date, 'long', zh.dates, now)).to.equal('2026年5月1日');
    expect(formatNewsDate(ago(2 * 3_600_000), 'relative', zh.dates, now)).to.equal('2 小时前');
    const kk = await loadLocale('kk');
    expect(formatNewsDate(date, 'long', kk.dates, now)).to.equal('2026\u202fж. 1 мамыр');
    expect(formatNewsDate(new Date('2026-11-29T10:00:00Z'), 'long', kk.dates, now)).to.equal('2026\u202fж. 29 қараша');
    expect(formatNewsDate(date, 'short', kk.dates, now)).to.equal('2026\u202fж. 01 мам.');
    expect(formatNewsDate(ago(2 * 3_600_000), 'relative', kk.dates, now)).to.equal('2 сағат бұрын');
    expect(kk.messages.more).to.equal('Тағы');
  });

  it('matches language tags to the languages it speaks', () => {
    expect(matchLang('zh-Hans-CN')).to.equal('zh-CN');
    expect(matchLang('zh_SG')).to.equal('zh-CN');
    expect(matchLang('ru-KZ')).to.equal('ru');
    expect(matchLang('KK')).to.equal('kk');
    expect(matchLang('uz')).to.equal('uz');
    expect(matchLang('kk-KZ')).to.equal('kk');
    // Tags that need the fallback chain are not known until it has loaded (see languages.test.ts).
    expect(matchLang('tt')).to.equal(undefined);
    expect(matchLang('')).to.equal(undefined);
  });
});

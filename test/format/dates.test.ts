import { expect } from '@open-wc/testing';
import { enUS } from 'date-fns/locale/en-US';
import { formatNewsDate, isLive } from '../../src/format/dates.js';
import { loadLocale, matchLang } from '../../src/format/locale.js';

const now = Date.parse('2026-11-28T12:00:00Z');

describe('news dates', () => {
  it('reads relative dates within a month and the date beyond it', () => {
    expect(formatNewsDate(new Date(now - 90_000), 'relative', enUS, now)).to.equal('1 minute ago');
    expect(formatNewsDate(new Date(now - 5 * 86_400_000), 'relative', enUS, now)).to.equal('5 days ago');
    expect(formatNewsDate(new Date('2026-01-15T08:00:00Z'), 'relative', enUS, now)).to.equal('Jan 15, 2026');
    expect(isLive(new Date(now - 1000), 'relative', now)).to.equal(true);
    expect(isLive(new Date(now - 1000), 'short', now)).to.equal(false);
  });

  it('does not call a date slightly ahead of the reader’s clock "in the future"', () => {
    expect(formatNewsDate(new Date(now + 30_000), 'relative', enUS, now)).to.equal('0 seconds ago');
  });

  it('formats short and long dates in each supported language', async () => {
    const date = new Date('2026-05-01T10:00:00Z');
    expect(formatNewsDate(date, 'long', enUS, now)).to.equal('May 1st, 2026');
    const ru = await loadLocale('ru');
    expect(formatNewsDate(date, 'long', ru.dateLocale, now)).to.equal('1 мая 2026 г.');
    const zh = await loadLocale('zh-CN');
    expect(formatNewsDate(date, 'short', zh.dateLocale, now)).to.equal('2026-05-01');
    expect(formatNewsDate(date, 'long', zh.dateLocale, now)).to.equal('2026年5月1日');
    const kk = await loadLocale('kk');
    expect(formatNewsDate(date, 'long', kk.dateLocale, now)).to.contain('2026');
    expect(kk.messages.more).to.equal('Тағы');
  });

  it('matches language tags to the languages it speaks', () => {
    expect(matchLang('zh-Hans-CN')).to.equal('zh-CN');
    expect(matchLang('zh_TW')).to.equal('zh-CN');
    expect(matchLang('ru-KZ')).to.equal('ru');
    expect(matchLang('KK')).to.equal('kk');
    expect(matchLang('uz')).to.equal('en');
    expect(matchLang('')).to.equal('en');
  });
});

import { expect } from '@open-wc/testing';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from '../../src/format/intl-cache.js';
import { englishDates } from '../../src/format/dates.js';

describe('Intl formatter cache', () => {
  it('builds one formatter per locale and options, and shares it', () => {
    expect(dateTimeFormat('en-US', { dateStyle: 'long' })).to.equal(dateTimeFormat('en-US', { dateStyle: 'long' }));
    expect(dateTimeFormat('en-US', { dateStyle: 'long' })).not.to.equal(
      dateTimeFormat('en-US', { dateStyle: 'short' }),
    );
    expect(dateTimeFormat('en-US')).not.to.equal(dateTimeFormat('ru'));
    expect(relativeTimeFormat('en')).to.equal(relativeTimeFormat('en'));
    expect(numberFormat('ru')).to.equal(numberFormat('ru'));
    expect(numberFormat('ru').format(1234).replace(/\s/g, ' ')).to.equal('1 234');
  });

  it('formats English dates with the shared formatters', () => {
    const formats: Intl.DateTimeFormat[] = [];
    const date = new Date('2026-11-20T09:00:00Z');
    const format = dateTimeFormat('en-US', { dateStyle: 'medium' });
    expect(englishDates.calendar(date, false)).to.equal(format.format(date));
    formats.push(format);
    expect(dateTimeFormat('en-US', { dateStyle: 'medium' })).to.equal(formats[0]);
  });
});

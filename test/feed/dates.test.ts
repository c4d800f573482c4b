import { expect } from '@open-wc/testing';
import { parseFeedDate } from '../../src/feed/dates.js';

const iso = (text: string, zone?: string) => parseFeedDate(text, zone)?.toISOString();

describe('parseFeedDate', () => {
  it('reads RFC 822 dates with named zones', () => {
    expect(iso('Wed, 01 May 2024 09:30:00 GMT')).to.equal('2024-05-01T09:30:00.000Z');
    expect(iso('Wed, 01 May 2024 09:30:00 UT')).to.equal('2024-05-01T09:30:00.000Z');
    expect(iso('Wed, 01 May 2024 09:30:00 EST')).to.equal('2024-05-01T14:30:00.000Z');
    expect(iso('Wed, 01 May 2024 09:30:00 PDT')).to.equal('2024-05-01T16:30:00.000Z');
    expect(iso('Wed, 01 May 2024 09:30:00 Z')).to.equal('2024-05-01T09:30:00.000Z');
  });

  it('reads RFC 822 dates with numeric zones, no seconds, no weekday and two-digit years', () => {
    expect(iso('Tue, 30 Apr 2024 18:00 +0800')).to.equal('2024-04-30T10:00:00.000Z');
    expect(iso('1 May 2024 10:00:00 -0230')).to.equal('2024-05-01T12:30:00.000Z');
    expect(iso('Wed, 01 May 24 09:30:00 GMT')).to.equal('2024-05-01T09:30:00.000Z');
    expect(iso('Sat, 01 May 99 09:30:00 GMT')).to.equal('1999-05-01T09:30:00.000Z');
    expect(iso('Wednesday, 01 September 2024 09:30:00 GMT')).to.equal('2024-09-01T09:30:00.000Z');
  });

  it('reads RFC 822 dates without a zone in the default zone', () => {
    expect(iso('Wed, 01 May 2024 09:30:00')).to.equal('2024-05-01T01:30:00.000Z');
  });

  it('reads RFC 3339 dates with fractions and zones', () => {
    expect(iso('2024-05-04T10:15:30.250+06:00')).to.equal('2024-05-04T04:15:30.250Z');
    expect(iso('2024-05-04T10:15:30Z')).to.equal('2024-05-04T10:15:30.000Z');
    expect(iso('2024-05-04t10:15:30.123456z')).to.equal('2024-05-04T10:15:30.123Z');
    expect(iso('2024-05-04T10:15:30-0500')).to.equal('2024-05-04T15:15:30.000Z');
  });

  it('reads zone-less dates in the default zone, +08:00 unless told otherwise', () => {
    expect(iso('2024-05-01 10:00:00')).to.equal('2024-05-01T02:00:00.000Z');
    expect(iso('2024-05-01T10:00')).to.equal('2024-05-01T02:00:00.000Z');
    expect(iso('2024/05/01 10:00')).to.equal('2024-05-01T02:00:00.000Z');
    expect(iso('2024-05-01 10:00', '+05:00')).to.equal('2024-05-01T05:00:00.000Z');
    expect(iso('2024-05-01 10:00', 'Z')).to.equal('2024-05-01T10:00:00.000Z');
  });

  it('reads a date alone as midnight in the default zone', () => {
    expect(iso('2024-05-01')).to.equal('2024-04-30T16:00:00.000Z');
  });

  it('reads the named zones feeds write beyond RFC 822, and GMT+8 forms', () => {
    expect(iso('Wed, 01 May 2024 12:00:00 MSK')).to.equal('2024-05-01T09:00:00.000Z');
    expect(iso('Wed, 01 May 2024 12:00:00 CEST')).to.equal('2024-05-01T10:00:00.000Z');
    expect(iso('Wed, 01 May 2024 12:00:00 JST')).to.equal('2024-05-01T03:00:00.000Z');
    expect(iso('Wed, 01 May 2024 12:00:00 IST')).to.equal('2024-05-01T06:30:00.000Z');
    expect(iso('Wed, 01 May 2024 12:00:00 ALMT')).to.equal('2024-05-01T07:00:00.000Z');
    expect(iso('Wed, 01 May 2024 12:00:00 GMT+8')).to.equal('2024-05-01T04:00:00.000Z');
    expect(iso('Wed, 01 May 2024 12:00:00 UTC+05:30')).to.equal('2024-05-01T06:30:00.000Z');
    expect(iso('Wed, 01 May 2024 12:00:00 XYZ')).to.equal(undefined);
  });

  it('reads dates with the month first, with AM/PM, and JavaScript Date strings', () => {
    expect(iso('Wed, May 01 2024 10:00:00 +0800')).to.equal('2024-05-01T02:00:00.000Z');
    expect(iso('May 1, 2024 10:00 PM GMT')).to.equal('2024-05-01T22:00:00.000Z');
    expect(iso('1st May 2024 12:30 am GMT')).to.equal('2024-05-01T00:30:00.000Z');
    expect(iso('Wed May 01 2024 10:00:00 GMT+0800 (China Standard Time)')).to.equal('2024-05-01T02:00:00.000Z');
    expect(iso('Wed, 01 May 2024')).to.equal('2024-04-30T16:00:00.000Z');
    expect(iso('May 1, 2024 13:00 PM GMT')).to.equal(undefined);
  });

  it('reads the day-first dotted dates and the Chinese dates CMSs write, in the default zone', () => {
    expect(iso('01.05.2024 10:00')).to.equal('2024-05-01T02:00:00.000Z');
    expect(iso('1.5.2024', '+05:00')).to.equal('2024-04-30T19:00:00.000Z');
    expect(iso('2024年5月1日 10:00')).to.equal('2024-05-01T02:00:00.000Z');
    expect(iso('2024年05月01日')).to.equal('2024-04-30T16:00:00.000Z');
    expect(iso('31.04.2024')).to.equal(undefined);
  });

  it('returns undefined for anything it cannot read, never now or an Invalid Date', () => {
    for (const text of [
      '',
      '   ',
      null,
      undefined,
      'not a date',
      'yesterday',
      '2024-13-01',
      '2024-02-30',
      '31 Foo 2024 10:00 GMT',
      '2024-05-01 25:00',
    ]) {
      expect(parseFeedDate(text), String(text)).to.equal(undefined);
    }
  });
});

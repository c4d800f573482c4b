import { expect } from '@open-wc/testing';
import * as table from '../../src/feed/entities.js';
import * as browser from '../../src/feed/entities-dom.js';

// The npm module decodes named entities from its own table; the CDN bundle asks the browser. They must agree.
describe('named entities', () => {
  it("the browser's decoding agrees with the table on every HTML 4 name, with and without a semicolon", () => {
    const names = table.entityNames();
    expect(names.length).to.equal(253);
    for (const name of names) {
      expect(browser.namedEntity(name), name).to.equal(table.namedEntity(name));
      expect(browser.isLegacyEntity(name), `${name} without ;`).to.equal(table.isLegacyEntity(name));
    }
  });

  it('neither knows a name HTML does not define, nor reads a longer name by its prefix', () => {
    for (const name of ['unknownthing', 'notit', 'copyright', 'amp.x']) {
      expect(table.namedEntity(name), name).to.equal(undefined);
      expect(browser.namedEntity(name), name).to.equal(undefined);
    }
  });
});

import { expect } from '@open-wc/testing';
import * as root from '../src/index.js';

describe('the package root', () => {
  it('exports the classes and the parser but registers no element', () => {
    expect(root.NewsList).to.be.a('function');
    expect(root.parseFeed).to.be.a('function');
    expect(new root.FeedError('parse', 'x')).to.be.instanceOf(Error);
    expect(customElements.get('news-list')).to.equal(undefined);
  });

  it('registers a class under a tag of the host’s choosing', () => {
    root.NewsList.define('college-news');
    expect(customElements.get('college-news')).to.equal(root.NewsList);
    expect(customElements.get('news-list')).to.equal(undefined);
  });

  it('registers the same class under a second tag without throwing', () => {
    root.NewsList.define('news-list');
    expect(() => root.NewsList.define('partner-news')).not.to.throw();
    expect(document.createElement('partner-news')).to.be.instanceOf(root.NewsList);
  });
});

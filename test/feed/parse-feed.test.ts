import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse-feed.js';
import { FeedError } from '../../src/feed/feed-error.js';

// Through the test route: the static server would re-encode non-UTF-8 files.
const fixture = async (file: string) =>
  new Uint8Array(await (await fetch(`/test-api/feed?file=feeds/${file}`)).arrayBuffer());

function parseError(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('parseFeed: RSS 2.0', () => {
  let feed: ReturnType<typeof parseFeed>;
  before(async () => {
    feed = parseFeed(await fixture('rss2.xml'), { url: 'https://college.example/news/feed.xml' });
  });

  it('reads the channel', () => {
    expect(feed.title).to.equal('Riverside College News');
    expect(feed.url).to.equal('https://college.example/news/');
    expect(feed.description).to.equal('Workshops, open days and campus life');
    expect(feed.language).to.equal('en-gb');
    expect(feed.image).to.equal('https://college.example/logo.png');
    expect(feed.items).to.have.length(4);
  });

  it('reads an item with content:encoded, media, authors and categories', () => {
    const item = feed.items[0];
    expect(item.id).to.equal('news-101');
    expect(item.title).to.equal('Pottery workshop opens "Clay & Fire" week');
    expect(item.url).to.equal('https://college.example/news/pottery-week');
    expect(item.published?.toISOString()).to.equal('2024-05-01T09:30:00.000Z');
    expect(item.summary).to.equal('Students fire their first bowls.');
    expect(item.contentHtml).to.match(/^<p>The pottery studio/);
    expect(item.image).to.deep.equal({ url: 'https://cdn.college.example/pottery.jpg' });
    expect(item.authors).to.deep.equal(['Press Office', 'Amina Sato']);
    expect(item.categories).to.deep.equal(['Workshops', 'Arts']);
  });

  it('resolves a relative link against the feed URL and uses it as the id', () => {
    const item = feed.items[1];
    expect(item.url).to.equal('https://college.example/news/robotics-final');
    expect(item.id).to.equal(item.url);
    expect(item.published?.toISOString()).to.equal('2024-04-30T10:00:00.000Z');
  });

  it('uses escaped HTML in a description as content and strips it for the summary', () => {
    const item = feed.items[1];
    expect(item.summary).to.equal('Our team built a line-following robot in two days.');
    expect(item.contentHtml).to.contain('<strong>two</strong>');
  });

  it('takes the image from an image enclosure', () => {
    expect(feed.items[1].image?.url).to.equal('https://cdn.college.example/robot.png');
  });

  it('drops a javascript: link and falls back to a permalink guid', () => {
    expect(feed.items[2].url).to.equal('https://college.example/news/library-hours');
  });

  it('leaves an unreadable date undefined', () => {
    expect(feed.items[2].published).to.equal(undefined);
  });

  it('takes a media thumbnail from a media group whose content is a video', () => {
    expect(feed.items[2].image?.url).to.equal('https://cdn.college.example/tour-thumb.jpg');
  });

  it('gives an item with neither guid nor link a stable hashed id', async () => {
    const item = feed.items[3];
    expect(item.id).to.match(/^h[0-9a-z]+$/);
    const again = parseFeed(await fixture('rss2.xml'), { url: 'https://college.example/news/feed.xml' });
    expect(again.items[3].id).to.equal(item.id);
    expect(item.published?.toISOString()).to.equal('2024-04-20T02:00:00.000Z');
  });

  it('reads zone-less dates in the zone it is told', async () => {
    const other = parseFeed(await fixture('rss2.xml'), { defaultTimeZone: '+05:00' });
    expect(other.items[3].published?.toISOString()).to.equal('2024-04-20T05:00:00.000Z');
  });

  it('finds the first real image in the content, skipping tracking pixels, relative to the item link', () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://college.example/news/a/</link>
      <description>&lt;img src="https://t.example/p.gif" width="1" height="1"&gt;&lt;img alt="Team &amp;amp; coach" src="team.jpg?w=1&amp;amp;h=2"&gt;</description></item></channel></rss>`;
    expect(parseFeed(xml).items[0].image).to.deep.equal({
      url: 'https://college.example/news/a/team.jpg?w=1&h=2',
      alt: 'Team & coach',
    });
  });

  it('never takes a tracking pixel of any spelling for the item image', () => {
    const pixels = [
      'width="0" height="0"',
      'width="1px" height="1px"',
      "width='0'",
      'height=1',
      'width=" 1 "',
      'style="width:1px;height:1px"',
      'style="border:0; height: 0px !important"',
      'style="max-width:1px"',
      'style="display:none"',
      'style="visibility: hidden"',
      'style="opacity:0"',
    ];
    for (const pixel of pixels) {
      const html = `<p><img src="https://t.example/p.gif" ${pixel}><img src="https://college.example/photo.jpg" width="10" style="width:100%"></p>`;
      const xml = `<rss version="2.0"><channel><title>T</title><item><title>A</title><description><![CDATA[${html}]]></description></item></channel></rss>`;
      expect(parseFeed(xml).items[0].image?.url, pixel).to.equal('https://college.example/photo.jpg');
    }
    const only = `<rss version="2.0"><channel><title>T</title><item><title>A</title><description><![CDATA[<img src="https://t.example/p.gif" width="0" height="0">]]></description></item></channel></rss>`;
    expect(parseFeed(only).items[0].image).to.equal(undefined);
  });

  it('cuts a long content-only summary at a word boundary with an ellipsis', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>A</title><description><![CDATA[<p>${words}</p>]]></description></item></channel></rss>`;
    const summary = parseFeed(xml).items[0].summary!;
    expect(summary.length).to.be.at.most(301);
    expect(summary).to.match(/word\d+…$/);
  });

  it('keeps ids unique when a feed repeats one', () => {
    const item = '<item><guid>same</guid><title>A</title></item>';
    const feed2 = parseFeed(`<rss version="2.0"><channel><title>T</title>${item}${item}</channel></rss>`);
    expect(feed2.items.map((i) => i.id)).to.deep.equal(['same', 'same~2']);
  });

  it('matches elements by namespace, not by prefix', () => {
    const xml = `<rss version="2.0" xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:content="urn:other">
      <channel><title>T</title><item><title>A</title><content:encoded>wrong</content:encoded><c:encoded>&lt;p&gt;right&lt;/p&gt;</c:encoded></item></channel></rss>`;
    expect(parseFeed(xml).items[0].contentHtml).to.equal('<p>right</p>');
  });
});

describe('parseFeed: DOCTYPEs', () => {
  it('reads a feed whose DOCTYPE pulls in HTML entities by parameter-entity reference, in every engine', () => {
    const feed = parseFeed(`<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent">
%HTMLlat1;
]>
<rss version="2.0"><channel><title>Caf&eacute; news</title>
<item><title>Almaty &amp; Astana</title><link>https://college.example/a</link></item></channel></rss>`);
    expect(feed.title).to.equal('Café news');
    expect(feed.items.map((item) => item.title)).to.deep.equal(['Almaty & Astana']);
  });
});

describe('parseFeed: RSS 1.0', () => {
  it('reads items that sit beside the channel', async () => {
    const feed = parseFeed(await fixture('rss1.rdf'));
    expect(feed.title).to.equal('Riverside College Bulletin');
    expect(feed.language).to.equal('ru');
    expect(feed.items.map((i) => i.title)).to.deep.equal(['Мастер-класс по фотографии', 'Chess tournament results']);
    const [first, second] = feed.items;
    expect(first.id).to.equal('https://college.example/bulletin/1');
    expect(first.published?.toISOString()).to.equal('2024-05-02T03:00:00.000Z');
    expect(first.authors).to.deep.equal(['Айгерим Нурланова']);
    expect(first.categories).to.deep.equal(['Клубы']);
    expect(first.summary).to.equal('Фотоклуб приглашает всех желающих.');
    expect(second.published?.toISOString()).to.equal('2024-05-02T16:00:00.000Z');
  });
});

describe('parseFeed: Atom', () => {
  let feed: ReturnType<typeof parseFeed>;
  before(async () => {
    feed = parseFeed(await fixture('atom.xml'), { url: 'https://mirror.example/feed.atom' });
  });

  it('reads the feed, resolving links against xml:base', () => {
    expect(feed.title).to.equal('Faculty <Notes>');
    expect(feed.description).to.equal('From the staff room');
    expect(feed.url).to.equal('https://college.example/blog/');
    expect(feed.language).to.equal('kk');
    expect(feed.image).to.equal('https://college.example/img/blog-logo.png');
  });

  it('resolves entry links through the xml:base chain', () => {
    const entry = feed.items[0];
    expect(entry.url).to.equal('https://college.example/blog/posts/2024/welding.html');
    expect(entry.image?.url).to.equal('https://college.example/blog/posts/2024/welding.jpg');
  });

  it('reads html titles and content, and a text summary', () => {
    const entry = feed.items[0];
    expect(entry.id).to.equal('tag:college.example,2024:welding');
    expect(entry.title).to.equal('Welding & metalwork taster');
    expect(entry.summary).to.equal('Try a welding torch <safely> in one afternoon.');
    // Relative links in content are made absolute: the article is shown on another page than the feed.
    expect(entry.contentHtml).to.equal(
      '<p>Safety first: gloves are provided.</p><img src="https://college.example/blog/posts/2024/torch.jpg">',
    );
    expect(entry.published?.toISOString()).to.equal('2024-05-04T04:15:30.250Z');
    expect(entry.updated?.toISOString()).to.equal('2024-05-04T05:00:00.000Z');
    expect(entry.authors).to.deep.equal(['Dana Park', 'Lee Ortiz']);
    expect(entry.categories).to.deep.equal(['workshops']);
  });

  it('serialises xhtml content without the wrapper div', () => {
    const entry = feed.items[1];
    expect(entry.title).to.equal('Baking bread together');
    expect(entry.contentHtml).to.equal('<p>Flour, water, <em>patience</em>.</p><p>Bring an apron.</p>');
    expect(entry.summary).to.equal('Flour, water, patience. Bring an apron.');
    expect(entry.url).to.equal('https://other.example/bread');
  });

  it('falls back to the updated date and to the feed author', () => {
    const entry = feed.items[1];
    expect(entry.published?.toISOString()).to.equal('2024-05-03T09:00:00.000Z');
    expect(entry.authors).to.deep.equal(['Faculty Office']);
  });

  it('escapes text content and keeps a text title literal', () => {
    const entry = feed.items[2];
    expect(entry.title).to.equal('Timetable <draft> for June');
    expect(entry.contentHtml).to.equal('Line one &amp; two<br>Line three');
    expect(entry.summary).to.equal('Line one & two Line three');
    expect(entry.url).to.equal(undefined);
  });

  it('reads Atom 0.3', () => {
    const xml = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
      <link rel="alternate" type="text/html" href="https://college.example/old/"/>
      <entry><title>Legacy post</title><link rel="alternate" href="https://college.example/old/1"/><id>old-1</id>
      <issued>2004-05-01T10:00:00Z</issued><modified>2004-05-02T10:00:00Z</modified>
      <content type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;</content></entry></feed>`;
    const feed03 = parseFeed(xml);
    expect(feed03.url).to.equal('https://college.example/old/');
    expect(feed03.items[0]).to.include({
      id: 'old-1',
      title: 'Legacy post',
      contentHtml: '<p>Hello</p>',
      summary: 'Hello',
    });
    expect(feed03.items[0].published?.toISOString()).to.equal('2004-05-01T10:00:00.000Z');
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads JSON Feed 1.1', async () => {
    const feed = parseFeed(await fixture('feed.json'), { url: 'https://college.example/sports/feed.json' });
    expect(feed).to.include({ title: 'Riverside Sports', url: 'https://college.example/sports/', language: 'en' });
    expect(feed.image).to.equal('https://college.example/sports/icon.png');
    const [first, second] = feed.items;
    expect(first).to.include({ id: '42', title: 'Volleyball <team> & friends', summary: 'A strong finish.' });
    expect(first.contentHtml).to.equal('<p>The volleyball team won 3&ndash;1.</p>');
    expect(first.image?.url).to.equal('https://college.example/sports/volleyball.jpg');
    expect(first.published?.toISOString()).to.equal('2024-05-05T11:00:00.000Z');
    expect(first.updated?.toISOString()).to.equal('2024-05-05T13:00:00.000Z');
    expect(first.authors).to.deep.equal(['Kai Brenner']);
    expect(first.categories).to.deep.equal(['volleyball', 'results']);
    expect(second.contentHtml).to.equal('Swimming trials start Monday.<br>Bring a cap &amp; goggles.');
    expect(second.summary).to.equal('Swimming trials start Monday. Bring a cap & goggles.');
    expect(second.title).to.equal('Swimming trials start Monday. Bring a cap & goggles.');
    expect(second.authors).to.deep.equal(['Sports Desk']);
  });

  it('reads JSON Feed 1.0 with a single author', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'One',
      items: [{ id: 'a', title: 'T', content_text: 'x', author: { name: 'Solo' } }],
    });
    expect(parseFeed(json).items[0].authors).to.deep.equal(['Solo']);
  });
});

describe('parseFeed: encodings', () => {
  it('reads a GBK feed whose charset is only in the XML declaration', async () => {
    const feed = parseFeed(await fixture('gbk-declared.xml'), { contentType: 'application/rss+xml' });
    expect(feed.title).to.equal('学院新闻');
    expect(feed.items[0].title).to.equal('计算机学院举办人工智能讲座');
  });

  it('reads a GBK feed whose charset is only in the Content-Type', async () => {
    const feed = parseFeed(await fixture('gbk-undeclared.xml'), { contentType: 'text/xml; charset=GBK' });
    expect(feed.items[1].summary).to.equal('考试周期间图书馆开放至晚上十点。');
  });

  it('reads a Big5 feed', async () => {
    expect(parseFeed(await fixture('big5.xml')).items[0].title).to.equal('資訊工程系舉辦程式設計工作坊');
  });

  it('reads a windows-1251 feed', async () => {
    expect(parseFeed(await fixture('windows-1251.xml')).items[0].title).to.equal('Семинар по робототехнике');
  });

  it('reads a UTF-8 feed with a BOM', async () => {
    expect(parseFeed(await fixture('utf8-bom.xml')).title).to.equal('Новости колледжа');
  });

  it('reads a UTF-16 feed', async () => {
    const feed = parseFeed((await fixture('utf16.xml')).buffer);
    expect(feed.items[0].title).to.equal('Ғылыми конференция өтеді');
  });

  it('reads text that still declares its original encoding', () => {
    const feed = parseFeed(
      '\uFEFF  <?xml version="1.0" encoding="gbk"?><rss><channel><title>学院</title></channel></rss>',
    );
    expect(feed.title).to.equal('学院');
  });
});

describe('parseFeed: broken and foreign documents', () => {
  it('repairs HTML entities and bare ampersands', async () => {
    const feed = parseFeed(await fixture('entities.xml'));
    expect(feed.title).to.equal('Arts & Crafts Club');
    const item = feed.items[0];
    expect(item.title).to.equal('Sewing — basics & beyond © 2024');
    expect(item.url).to.equal('https://college.example/arts/sewing?a=1&b=2');
    expect(item.summary).to.equal('Needles… thread & fabric &unknownthing;');
  });

  it('reads a feed that uses media: and dc: without declaring them', () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>A &nbsp;B</title>
      <media:content url="https://college.example/a.jpg" medium="image"/><dc:creator>Zarina Ali</dc:creator>
      <foo:bar>unknown prefix</foo:bar></item></channel></rss>`;
    const item = parseFeed(xml).items[0];
    expect(item.title).to.equal('A B');
    expect(item.image?.url).to.equal('https://college.example/a.jpg');
    expect(item.authors).to.deep.equal(['Zarina Ali']);
  });

  it('reports truly broken XML as a parse error with its line', async () => {
    const bytes = await fixture('broken.xml');
    const error = parseError(() => parseFeed(bytes));
    expect(error.code).to.equal('parse');
    expect(error.message).to.match(/line \d+, column \d+/);
  });

  it('reports an HTML page as a format error with the feed it advertises', async () => {
    const bytes = await fixture('page.html');
    const error = parseError(() => parseFeed(bytes, { url: 'https://college.example/index.html' }));
    expect(error.code).to.equal('format');
    expect(error.feedUrl).to.equal('https://college.example/news/feed.xml');
  });

  it('reports an XHTML page as a format error', () => {
    const xhtml = '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body/></html>';
    expect(parseError(() => parseFeed(xhtml)).code).to.equal('format');
  });

  it('reports an HTML page that is not even well-formed as a format error', () => {
    const html =
      '<head><title>x</title><link rel="alternate" type="application/atom+xml" href="https://a.example/f"></head><body><p>hi';
    const error = parseError(() => parseFeed(html));
    expect(error.code).to.equal('format');
    expect(error.feedUrl).to.equal('https://a.example/f');
  });

  it('reports other XML as a format error', async () => {
    const bytes = await fixture('not-a-feed.xml');
    expect(parseError(() => parseFeed(bytes)).code).to.equal('format');
  });

  it('reports malformed JSON as a parse error and other JSON as a format error', async () => {
    const bytes = await fixture('bad.json');
    expect(parseError(() => parseFeed(bytes)).code).to.equal('parse');
    expect(parseError(() => parseFeed('{"title": "no version"}')).code).to.equal('format');
    expect(parseError(() => parseFeed('[1, 2]')).code).to.equal('format');
  });

  it('reports an empty document as a parse error', () => {
    expect(parseError(() => parseFeed('  ')).code).to.equal('parse');
  });

  it('never runs scripts or loads images while stripping markup', async () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>A</title>
      <description>&lt;img src="x" onerror="window.__feedPwned = 1"&gt;&lt;script&gt;window.__feedPwned = 2&lt;/script&gt;Hi&lt;style&gt;p{}&lt;/style&gt;</description></item></channel></rss>`;
    expect(parseFeed(xml).items[0].summary).to.equal('Hi');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __feedPwned?: number }).__feedPwned).to.equal(undefined);
  });
});

describe('parseFeed: what other readers got right and we did not', () => {
  it('reads Atom elements inside RSS items, and the channel link from atom:link', () => {
    const xml = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
      <atom:link rel="self" href="https://college.example/feed.xml"/>
      <atom:link rel="alternate" href="https://college.example/news/"/>
      <item><title>A</title><guid isPermaLink="false">a-1</guid>
        <atom:published>2024-05-01T10:00:00Z</atom:published><atom:updated>2024-05-02T08:30:00Z</atom:updated>
        <atom:author><atom:name>Dana Park</atom:name></atom:author>
        <atom:content type="html">&lt;p&gt;Full &lt;b&gt;story&lt;/b&gt;&lt;/p&gt;</atom:content></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.url).to.equal('https://college.example/news/');
    const item = feed.items[0];
    expect(item.published?.toISOString()).to.equal('2024-05-01T10:00:00.000Z');
    expect(item.updated?.toISOString()).to.equal('2024-05-02T08:30:00.000Z');
    expect(item.authors).to.deep.equal(['Dana Park']);
    expect(item.contentHtml).to.equal('<p>Full <b>story</b></p>');
  });

  it("resolves relative links in an item's HTML against its xml:base before its link", () => {
    const xml = `<rss version="2.0"><channel><title>T</title>
      <item xml:base="https://college.example/posts/"><title>A</title>
        <link>https://college.example/posts/2024/welcome.html</link>
        <description>&lt;a href="post-1"&gt;next&lt;/a&gt; &lt;img src="img/a.jpg"&gt;</description></item>
      <item><title>B</title><link>https://college.example/posts/2024/welcome.html</link>
        <description>&lt;a href="post-1"&gt;next&lt;/a&gt;</description></item></channel></rss>`;
    const [withBase, withoutBase] = parseFeed(xml, { url: 'https://college.example/feed.xml' }).items;
    expect(withBase.contentHtml).to.contain('href="https://college.example/posts/post-1"');
    expect(withBase.image?.url).to.equal('https://college.example/posts/img/a.jpg');
    expect(withoutBase.contentHtml).to.contain('href="https://college.example/posts/2024/post-1"');
  });

  it('reads an Atom text construct of unknown type as text, and only real base64 as base64', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="plain">Plain &amp; simple</title>
      <entry><id>e1</id><title type="text/x-unknown">Tips &amp; tricks</title>
        <summary type="application/x-custom">Not base64, just words.</summary>
        <content type="application/octet-stream">SGVsbG8gd29ybGQ=</content></entry></feed>`;
    const feed = parseFeed(xml);
    expect(feed.title).to.equal('Plain & simple');
    expect(feed.items[0].title).to.equal('Tips & tricks');
    expect(feed.items[0].summary).to.equal('Not base64, just words.');
    expect(feed.items[0].contentHtml).to.equal('Hello world');
  });

  it("takes an RSS 1.0 feed's image from the <image> element the channel refers to", () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://college.example/"><title>T</title><link>https://college.example/</link>
        <image rdf:resource="https://college.example/logo.png"/></channel>
      <image rdf:about="https://college.example/logo.png"><title>T</title><url>https://college.example/logo.png</url>
        <link>https://college.example/</link></image>
      <item rdf:about="https://college.example/1"><title>One</title><link>https://college.example/1</link></item>
    </rdf:RDF>`;
    expect(parseFeed(xml).image).to.equal('https://college.example/logo.png');
  });

  it('keeps an Atom author who gives only an email', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>e1</id><title>A</title>
      <author><email>press@college.example</email></author></entry></feed>`;
    expect(parseFeed(xml).items[0].authors).to.deep.equal(['press@college.example']);
  });

  it('recognises the iTunes namespace spelled with capitals and uses its summary and subtitle', () => {
    const xml = `<rss version="2.0" xmlns:itunes="http://www.itunes.com/DTDs/PodCast-1.0.dtd"><channel><title>Pod</title>
      <itunes:image href="https://college.example/pod.jpg"/>
      <item><guid>p1</guid><title>Episode 1</title><itunes:author>Radio Club</itunes:author>
        <itunes:summary>Students talk about the new lab.</itunes:summary></item>
      <item><guid>p2</guid><title>Episode 2</title><itunes:subtitle>A short one.</itunes:subtitle></item>
      <item><guid>p3</guid><title>Episode 3</title><description>From the description.</description>
        <itunes:summary>Not this.</itunes:summary></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.image).to.equal('https://college.example/pod.jpg');
    expect(feed.items.map((i) => i.summary)).to.deep.equal([
      'Students talk about the new lab.',
      'A short one.',
      'From the description.',
    ]);
    expect(feed.items[0].authors).to.deep.equal(['Radio Club']);
  });

  it('takes JSON Feed authors over the older author when an item has both', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: [{ id: '1', title: 'A', authors: [{ name: 'New Name' }], author: { name: 'Old Name' } }],
    });
    expect(parseFeed(json).items[0].authors).to.deep.equal(['New Name']);
  });

  it('keeps angle brackets in a plain-text RSS title', () => {
    const xml = `<rss version="2.0"><channel><title>RSS &lt;&lt;&lt;Tutorial&gt;&gt;&gt;</title>
      <item><title>Use a &lt;news-list&gt; element</title><guid>1</guid></item>
      <item><title>&lt;b&gt;Bold&lt;/b&gt; news</title><guid>2</guid></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.title).to.equal('RSS <<<Tutorial>>>');
    expect(feed.items[0].title).to.equal('Use a <news-list> element');
    expect(feed.items[1].title).to.equal('Bold news');
  });
});

describe('parseFeed: its own XML reader', () => {
  it('reads a feed whose DOCTYPE pulls in HTML entities through a parameter entity', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [<!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml-lat1.ent"> %HTMLlat1;]>
<rss version="2.0"><channel><title>Caf&eacute; des &Eacute;tudiants</title>
<item><title>Cr&egrave;me br&ucirc;l&eacute;e &amp; more</title><guid>1</guid></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.title).to.equal('Café des Étudiants');
    expect(feed.items[0].title).to.equal('Crème brûlée & more');
  });

  it('expands entities declared in the DOCTYPE', () => {
    const xml = `<!DOCTYPE rss [<!ENTITY college "Riverside &amp; Hill College"><!ENTITY motto "&college; learns">]>
      <rss version="2.0"><channel><title>&motto;</title></channel></rss>`;
    expect(parseFeed(xml).title).to.equal('Riverside & Hill College learns');
  });

  it('stops an entity-expansion bomb with a parse error, quickly', () => {
    const levels = ['<!ENTITY lol0 "lollollollollollollollollollol">'];
    for (let i = 1; i < 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const xml = `<!DOCTYPE rss [${levels.join('')}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
    const t0 = performance.now();
    const error = parseError(() => parseFeed(xml));
    expect(error.code).to.equal('parse');
    expect(performance.now() - t0).to.be.below(1000);
  });

  it('refuses elements nested thousands deep with a parse error, not a stack overflow', () => {
    const xml = `<rss version="2.0"><channel><title>T</title>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</channel></rss>`;
    expect(parseError(() => parseFeed(xml)).code).to.equal('parse');
  });

  it('reads a 10 MB feed in bounded time', () => {
    const item = (i: number) =>
      `<item><title>Item ${i}</title><link>https://college.example/${i}</link><description>${'Some words &amp; more. '.repeat(40)}</description></item>`;
    const items: string[] = [];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) size += items[items.push(item(i)) - 1].length;
    const xml = `<rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`;
    const t0 = performance.now();
    const feed = parseFeed(xml);
    expect(feed.items.length).to.equal(items.length);
    expect(performance.now() - t0).to.be.below(5000);
  });

  it('reports where broken markup is, by line and column', () => {
    const error = parseError(() => parseFeed('<rss version="2.0">\n<channel>\n  <title>T</titel>\n</channel></rss>'));
    expect(error.code).to.equal('parse');
    expect(error.message).to.contain('line 3, column 11');
  });

  it('reads a bare "<" in text and unquoted attributes as a browser would', () => {
    const xml = `<rss version="2.0"><channel><title>1 < 2</title><item><guid>g</guid><title>A</title>
      <enclosure url=https://college.example/a.jpg type=image/jpeg /></item></channel></rss>`;
    const feed = parseFeed(xml);
    expect(feed.title).to.equal('1 < 2');
    expect(feed.items[0].image?.url).to.equal('https://college.example/a.jpg');
  });
});

describe('parseFeed: HTML-derived fields', () => {
  const xml = `<rss version="2.0"><channel><title>T</title><item><guid>g</guid><title>A</title>
    <description>&lt;p&gt;Hello &lt;a href="/x"&gt;there&lt;/a&gt;&lt;/p&gt;&lt;img src="/a.jpg" alt="A"&gt;</description>
    </item></channel></rss>`;
  const read = () => parseFeed(xml, { url: 'https://college.example/feed.xml' }).items[0];

  it('are worked out on reading, and survive JSON, spreading and structured cloning', () => {
    const expected = {
      summary: 'Hello there',
      contentHtml:
        '<p>Hello <a href="https://college.example/x">there</a></p><img src="https://college.example/a.jpg" alt="A">',
      image: { url: 'https://college.example/a.jpg', alt: 'A' },
    };
    expect(read()).to.include({ summary: expected.summary, contentHtml: expected.contentHtml });
    expect(JSON.parse(JSON.stringify(read()))).to.deep.include(expected);
    expect({ ...read() }).to.deep.include(expected);
    expect(structuredClone(read())).to.deep.include(expected);
  });

  it('can be set like any other property', () => {
    const item = read();
    item.summary = 'Mine';
    item.contentHtml = '<p>Mine</p>';
    item.image = undefined;
    expect([item.summary, item.contentHtml, item.image]).to.deep.equal(['Mine', '<p>Mine</p>', undefined]);
  });
});

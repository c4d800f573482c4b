// TypeScript without a framework: the tags, their properties and their events are typed.
import 'news-widgets/define.js';
import { parseFeed, type NewsItem } from 'news-widgets';

const list = document.createElement('news-list');
list.src = 'https://college.example/news/feed.xml';
list.layout = 'grid';
list.limit = 6;
document.body.append(list);

// Events bubble and are composed: listen on the element, the document or the window.
document.addEventListener('news-select', (event) => {
  const item: NewsItem = event.item;
  if (event.href?.startsWith('https://college.example/')) return; // let the browser follow the college's own links
  event.preventDefault();
  console.log(`open ${item.title} in the page`);
});
window.addEventListener('news-error', (event) => console.warn(event.error.code, event.error.message));

// <click-counter>'s native-named `change` event carries the count.
const counter = document.createElement('click-counter');
counter.articleId = 'lw-2026-012';
counter.endpoint = 'https://college.example/counter';
counter.addEventListener('change', (event) => console.log(`viewed ${event.count} times`));
document.body.append(counter);

// Data from elsewhere: parse a feed yourself and hand the list its items.
export async function showFeed(url: string): Promise<void> {
  const feed = parseFeed(await (await fetch(url)).arrayBuffer(), { url });
  list.items = feed.items.filter((item) => item.categories.includes('Workshops'));
}

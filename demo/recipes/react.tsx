// React 19: the React components from news-widgets/react, or the tags themselves in JSX (both typed).
import { useState } from 'react';
import type { NewsItem } from 'news-widgets';
import { NewsList, NewsArticle, ClickCounter } from 'news-widgets/react';

/** The college's news; a chosen article opens in the page, and the reader's view of it is counted. */
export function CollegeNews({ feed, counter }: { feed: string; counter: string }) {
  const [open, setOpen] = useState<NewsItem>();
  const [views, setViews] = useState(0);
  return (
    <>
      <NewsList
        src={feed}
        limit={5}
        layout="grid"
        onNewsSelect={(event) => {
          event.preventDefault(); // show the article here instead of following its link
          setOpen(event.item);
        }}
      />
      {open && <NewsArticle item={open} headingLevel={2} />}
      {open && (
        <ClickCounter articleId={open.id} endpoint={counter} record onChange={(event) => setViews(event.count)} />
      )}
      {open && <p>Views: {views}</p>}
      {/* The tags work in JSX too: React 19 sets properties and listens to `on<event>`. */}
      <news-list src={feed} layout="compact" limit={3} onnews-load={(event) => console.log(event.feed.title)} />
    </>
  );
}

// What must not type-check in a React 19 project using news-widgets (each line is an expected error).
import type {} from 'news-widgets/types/react';
import { NewsList, ClickCounter } from 'news-widgets/react';

export const wrong = (
  <>
    {/* @ts-expect-error: no such layout */}
    <NewsList layout="grdi" />
    <NewsList
      onNewsSelect={(event) => {
        // @ts-expect-error: a news-select event has no count
        console.log(event.count);
      }}
    />
    <ClickCounter onChange={(event) => console.log(event.count.toFixed())} />
    {/* Global attributes and listeners pass through as on any element. */}
    <news-list id="news" className="news" class="news" style={{ margin: 0 }} aria-label="News" data-section="home" />
    <news-list onClick={(event) => event.currentTarget.reload()} slot="main" hidden />
    {/* @ts-expect-error: no such layout */}
    <news-list layout="grdi" />
    {/* @ts-expect-error: a misspelt attribute */}
    <news-list lyaout="grid" />
    {/* @ts-expect-error: limit is a number */}
    <news-list limit="ten" />
    {/* @ts-expect-error: not a news-widgets tag */}
    <news-lsit />
    <news-list
      onnews-select={(event) => {
        // @ts-expect-error: a news-select event has no count
        console.log(event.count);
      }}
    />
  </>
);

// Preact: the tags in JSX, typed, with `on<event>` listeners.
import 'news-widgets/define.js';

export function CollegeNews({ feed }: { feed: string }) {
  return (
    <>
      <news-list src={feed} limit={5} layout="grid" onnews-select={(event) => console.log(event.item.title)} />
      {/* @ts-expect-error: no such layout */}
      <news-list layout="grdi" />
    </>
  );
}

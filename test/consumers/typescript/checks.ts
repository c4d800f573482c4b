// What must not type-check in a plain TypeScript project using news-widgets (each line is an expected error).
import 'news-widgets/define.js';

const list = document.createElement('news-list');
// @ts-expect-error: no such layout
list.layout = 'grdi';
// @ts-expect-error: limit is a number
list.limit = 'ten';
document.addEventListener('news-select', (event) => {
  // @ts-expect-error: a news-select event has no count
  console.log(event.count);
});
document.createElement('click-counter').addEventListener('change', (event) => {
  // @ts-expect-error: the count is a number
  const text: string = event.count;
  console.log(text);
});
// An input's change event stays a plain Event.
document.createElement('input').addEventListener('change', (event) => {
  // @ts-expect-error: only click-counter's change has a count
  console.log(event.count);
});

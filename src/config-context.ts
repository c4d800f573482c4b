/** The page-level settings of `<news-config>`: their key, and how every element asks for them (or other context). */
import { ContextEvent, createContext, type Context } from '@lit/context';
import type { DateStyle } from './format/dates.js';

/** The settings a `<news-config>` gives every element inside it; a setting it leaves unset is absent. */
export interface NewsSettings {
  lang?: string;
  counterEndpoint?: string;
  timeZone?: string;
  articleHref?: string;
  dateStyle?: DateStyle;
}

/**
 * The nearest `<news-config>`'s settings, merged over those of the configs around it. One context carrying one
 * object, so each element subscribes once.
 */
export const newsConfigContext = createContext<NewsSettings>(Symbol.for('news-widgets.config'));

/**
 * Asks the nearest provider of `context` above `host` (across shadow roots) for its value and subscribes: `use` gets
 * it now, if there is a provider, and again on each change. Returns the way out, for when `host` is disconnected.
 * The community context protocol by hand: @lit/context's ContextConsumer, a controller per value, weighs more
 * than every element can carry.
 */
export function requestContext<T>(host: Element, context: Context<unknown, T>, use: (value: T) => void): () => void {
  let leave: (() => void) | undefined;
  // A variable, not a `new` inside dispatchEvent(): the manifest would take it for one of the element's events.
  const request = new ContextEvent(
    context,
    host,
    (value, unsubscribe) => {
      // A nearer provider took over (one registered or inserted later): leave the farther one.
      if (leave !== unsubscribe) leave?.();
      leave = unsubscribe;
      use(value);
    },
    true,
  );
  host.dispatchEvent(request);
  return () => leave?.();
}

/** A controller that gives an element the words and dates of its language, loading them when needed. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { langOf, loadLocale, localeIfLoaded, matchLang, resolveLang, type LocaleData } from './locale.js';
import { observeLang } from '../controllers/lang-observer.js';

export class LocaleController implements ReactiveController {
  /** The language in use; English until another one has loaded. */
  data: LocaleData = localeIfLoaded('en')!;
  /** False while the element's language is still loading (render a placeholder, not English words). */
  ready = true;

  private unobserve?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  // The language can change above the element (a switcher on the page sets <html lang>): re-render then.
  hostConnected(): void {
    this.unobserve = observeLang(() => {
      if (matchLang(langOf(this.host)) !== this.data.lang) this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unobserve?.();
    this.unobserve = undefined;
  }

  /** Before each render: the element's language may have changed with its own or an ancestor's `lang`. */
  hostUpdate(): void {
    const tag = langOf(this.host);
    const lang = matchLang(tag);
    if (lang === this.data.lang) {
      this.ready = true;
      return;
    }
    const loaded = lang && localeIfLoaded(lang);
    if (loaded) {
      this.data = loaded;
      this.ready = true;
      return;
    }
    this.ready = false;
    resolveLang(tag)
      .then(loadLocale)
      .then((data) => {
        if (langOf(this.host) !== tag) return;
        this.data = data;
        this.ready = true;
        this.host.requestUpdate();
      });
  }
}

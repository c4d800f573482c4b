/** Registers <news-config> alone (the CDN files load it only on pages that have one). */
import { NewsConfig } from './news-config.js';

NewsConfig.define();

declare global {
  interface HTMLElementTagNameMap {
    'news-config': NewsConfig;
  }
}

export { NewsConfig };

/** `cdn/news-elements.js`: all three elements, registered, and everything the package exports, in one file. */
export * from './define.js';

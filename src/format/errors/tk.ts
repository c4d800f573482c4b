/** Turkmen explanations of feed errors for web editors: a chunk loaded only when one is shown with `debug`. */
import type { ErrorTexts } from '../errors.js';

export const errors: ErrorTexts = {
  parse: 'Lenta zaýalanan: faýl dogry XML ýa-da JSON däl.',
  format: 'Bu salgy lenta däl-de, web sahypa.',
  formatWithFeed: (url) => `Bu salgy lenta däl-de, web sahypa. Sahypanyň lentasy: ${url}`,
  http: (status) => `Lentanyň serweri ýalňyşlyk bilen jogap berdi (HTTP ${status}).`,
  notFound: 'Lentanyň salgysy tapylmady (HTTP 404). Salgyny barlaň.',
  cors: 'Lentanyň serweri bu saýta ony okamaga rugsat bermeýär (CORS). Eýesinden rugsat soraň ýa-da lenta proksisini ulanyň.',
  network: 'Lentanyň serweri bilen baglanyşyp bolmady. Salgyny we internet baglanyşygyny barlaň.',
  timeout: 'Lentanyň serweri gaty uzak wagtlap jogap bermedi.',
  tooLarge: 'Lenta sahypada görkezmek üçin gaty uly (10 MB-dan köp).',
  config: 'Bu habar bölüminde lentanyň dogry salgysy görkezilmändir.',
  unknown: 'Lentany ýüklemekde ýalňyşlyk ýüze çykdy.',
};

/** Uzbek (Latin) explanations of feed errors for web editors: a chunk loaded only when one is shown with `debug`. */
import type { ErrorTexts } from '../errors.js';

export const errors: ErrorTexts = {
  parse: 'Tasma buzilgan: fayl toʻgʻri XML yoki JSON emas.',
  format: 'Bu manzil tasma emas, veb-sahifa.',
  formatWithFeed: (url) => `Bu manzil tasma emas, veb-sahifa. Sahifaning tasmasi: ${url}`,
  http: (status) => `Tasma serveri xato bilan javob berdi (HTTP ${status}).`,
  notFound: 'Tasma manzili topilmadi (HTTP 404). Manzilni tekshiring.',
  cors: 'Tasma serveri bu saytga uni oʻqishga ruxsat bermaydi (CORS). Egasidan ruxsat soʻrang yoki tasma proksisidan foydalaning.',
  network: 'Tasma serveriga ulanib boʻlmadi. Manzilni va internet aloqasini tekshiring.',
  timeout: 'Tasma serveri juda uzoq javob bermadi.',
  tooLarge: 'Tasma sahifada koʻrsatish uchun juda katta (10 MB dan ortiq).',
  config: 'Bu yangiliklar vidjetida toʻgʻri tasma manzili koʻrsatilmagan.',
  unknown: 'Tasmani yuklashda xatolik yuz berdi.',
};

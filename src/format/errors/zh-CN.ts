/** Chinese (Simplified) explanations of feed errors for web editors: a chunk loaded only when one is shown with `debug`. */
import type { ErrorTexts } from '../errors.js';

export const errors: ErrorTexts = {
  parse: '订阅源已损坏：文件不是有效的 XML 或 JSON。',
  format: '该地址是网页，不是订阅源。',
  formatWithFeed: (url) => `该地址是网页，不是订阅源。该网页提供的订阅源为：${url}`,
  http: (status) => `订阅源服务器返回错误（HTTP ${status}）。`,
  notFound: '找不到订阅源地址（HTTP 404），请检查地址。',
  cors: '订阅源服务器不允许本网站读取（CORS）。请联系其管理员允许本网站，或使用订阅源代理。',
  network: '无法连接订阅源服务器，请检查地址和网络连接。',
  timeout: '订阅源服务器响应超时。',
  tooLarge: '订阅源过大（超过 10 MB），无法在页面上显示。',
  config: '此新闻组件没有有效的订阅源地址。',
  unknown: '加载订阅源时出错。',
};

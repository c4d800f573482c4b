/** Simplified Chinese words and dates: a chunk loaded on demand. */
import { zhCN } from 'date-fns/locale/zh-CN';
import type { Messages } from '../messages.js';
import { dateFnsDates } from '../date-fns-dates.js';

export const dates = dateFnsDates(zhCN);

export const messages: Messages = {
  loading: '正在加载新闻…',
  empty: '暂无新闻。',
  emptyCategory: '此类别下暂无新闻。',
  more: '更多',
  retry: '重试',
  news: '新闻',
  loaded: (n) => `${n} 条新闻`,
  errorTitle: '新闻加载失败。',
  staleNotice: '正在显示之前的新闻：最新内容未能加载。',
  partialNotice: (n) => `有 ${n} 个新闻源未能加载。`,
  articleNotFound: '找不到这篇文章，它可能已从新闻源中移除。',
  back: '返回新闻列表',
  clicks: '点击',
  errors: {
    parse: '订阅源已损坏：文件不是有效的 XML 或 JSON。',
    format: '该地址是网页，不是订阅源。',
    formatWithFeed: (url) => `该地址是网页，不是订阅源。该网页提供的订阅源为：${url}`,
    http: (status) => `订阅源服务器返回错误（HTTP ${status}）。`,
    notFound: '找不到订阅源地址（HTTP 404），请检查地址。',
    cors: '订阅源服务器不允许本网站读取（CORS）。请联系其管理员允许本网站，或使用订阅源代理。',
    network: '无法连接订阅源服务器，请检查地址和网络连接。',
    offline: '当前处于离线状态，恢复连接后将加载新闻。',
    timeout: '订阅源服务器响应超时。',
    tooLarge: '订阅源过大（超过 10 MB），无法在页面上显示。',
    config: '此新闻组件没有有效的订阅源地址。',
    unknown: '加载订阅源时出错。',
  },
};

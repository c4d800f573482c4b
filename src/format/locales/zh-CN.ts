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
  articleErrorTitle: '文章加载失败。',
  tryAgain: '请稍后再试。',
  offline: '当前处于离线状态，恢复连接后将加载新闻。',
  staleNotice: '正在显示之前的新闻：最新内容未能加载。',
  partialNotice: (n) => `有 ${n} 个新闻源未能加载。`,
  articleNotFound: '找不到这篇文章，它可能已从新闻源中移除。',
  back: '返回新闻列表',
  clicks: '点击',
  published: '发布时间',
  authors: () => '作者',
  categories: () => '类别',
};

/** The newsroom service's own words, in both languages; an editor's choice is kept in a cookie. */
export type Lang = 'zh' | 'en';

export const words = {
  zh: {
    title: '编辑部登录',
    intro: '登录后即可编辑报道，并预览两个版本的页面。',
    name: '用户名',
    password: '密码',
    login: '登录',
    logout: '退出登录',
    other: 'English',
    wrong: '用户名或密码不对。请再试一次；如果忘了密码，请联系管理员重设。',
    tooMany: '登录尝试太多。请一分钟后再试。',
    expired: '登录已过期或已失效，请重新登录。',
    refused: '这个请求来自别的网站或页面，没有执行。请在编辑部页面上操作。',
    loggedInAs: (name: string) => `已登录：${name}`,
    toScreen: '回到编辑界面',
    account: '账户与退出',
  },
  en: {
    title: 'Newsroom login',
    intro: 'Log in to edit the story and preview the pages of both editions.',
    name: 'Name',
    password: 'Password',
    login: 'Log in',
    logout: 'Log out',
    other: '中文',
    wrong: 'That name or password is not right. Try again; if you have forgotten your password, ask your administrator to set a new one.',
    tooMany: 'Too many login attempts. Try again in a minute.',
    expired: 'Your session has ended or expired. Please log in again.',
    refused: 'This request came from another site or page, so it was not carried out. Use the newsroom’s own pages.',
    loggedInAs: (name: string) => `Logged in as ${name}`,
    toScreen: 'Back to the editing screen',
    account: 'Account and log out',
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** The language an editor chose (cookie), else the first of their browser's that we speak, else Chinese. */
export function langOf(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookie === 'zh' || cookie === 'en') return cookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

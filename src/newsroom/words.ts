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
    history: '修改记录',
    historyIntro: '每次保存都记录在这里：谁在什么时候改了什么。可以查看每次修改，也可以把文件恢复到以前的版本（恢复本身也记为一次保存）。',
    historyOf: (path: string) => `修改记录：${path}`,
    noHistory: '这个文件还没有通过编辑部保存过。',
    savedBy: (author: string, when: string) => `${author}，${when}`,
    viewChange: '查看这次修改',
    restore: '恢复到这个版本',
    restored: (path: string, commit: string) => `已把 ${path} 恢复到 ${commit} 的版本，并记为一次新的保存。`,
    notRestored: '没有恢复：这个版本不能通过报道的检查。问题如下，文件没有改动。',
    notAStoryFile: '没有这个报道文件。请从修改记录的列表里选一个文件。',
    allFiles: '所有文件',
    publish: '发布',
    publishIntro: '发布会先检查报道，再生成网站；只有全部成功，读者看到的网站才会一次性换成新版本。上一个版本会保留，可以一键回退。',
    publishNow: '发布现在的版本',
    publishing: (seconds: number) => `正在发布，已用 ${seconds} 秒。这个页面会自动刷新。`,
    published: (release: string) => `读者现在看到的版本：${release}`,
    nothingPublished: '还没有发布过。',
    rollback: '回退到上一个版本',
    publishedOk: (editor: string, when: string) => `${editor} 于 ${when} 发布成功。`,
    rolledBack: (editor: string, when: string) => `${editor} 于 ${when} 回退到上一个版本。`,
    publishFailed: (editor: string, when: string) =>
      `${editor} 于 ${when} 的发布没有完成：报道的检查或网站生成停了下来。读者看到的网站没有改动。生成程序的说明如下；请按说明修改后再发布。`,
    busy: '已有一次发布正在进行，请等它结束。',
    log: '发布记录',
    noLog: '还没有发布或回退的记录。',
    logLine: (action: string, editor: string, commit: string, when: string) => `${when} · ${editor} · ${action} · ${commit}`,
    actions: { publish: '发布', rollback: '回退', failed: '发布失败' },
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
    history: 'History',
    historyIntro:
      'Every save is recorded here: who changed what, and when. You can see each change, and put a file back to an earlier version (which is recorded as a new save).',
    historyOf: (path: string) => `History of ${path}`,
    noHistory: 'This file has not been saved through the newsroom yet.',
    savedBy: (author: string, when: string) => `${author}, ${when}`,
    viewChange: 'See this change',
    restore: 'Restore this version',
    restored: (path: string, commit: string) => `${path} is back to its version of ${commit}, recorded as a new save.`,
    notRestored: 'Not restored: that version does not pass the story check. The problems are below; the file is unchanged.',
    notAStoryFile: 'There is no such story file. Choose a file from the history’s list.',
    allFiles: 'All files',
    publish: 'Publish',
    publishIntro:
      'Publishing checks the story, then builds the site; only when both succeed is the site readers see replaced, all at once. The version before stays, and one click rolls back to it.',
    publishNow: 'Publish the current version',
    publishing: (seconds: number) => `Publishing, ${seconds} seconds so far. This page refreshes by itself.`,
    published: (release: string) => `Readers now see: ${release}`,
    nothingPublished: 'Nothing has been published yet.',
    rollback: 'Roll back to the version before',
    publishedOk: (editor: string, when: string) => `${editor} published at ${when}.`,
    rolledBack: (editor: string, when: string) => `${editor} rolled back to the version before at ${when}.`,
    publishFailed: (editor: string, when: string) =>
      `The publish by ${editor} at ${when} did not finish: the story check or the build stopped. The site readers see is unchanged. What the build said is below; fix that and publish again.`,
    busy: 'A publish is already running; wait for it to end.',
    log: 'Publish log',
    noLog: 'Nothing has been published or rolled back yet.',
    logLine: (action: string, editor: string, commit: string, when: string) => `${when} · ${editor} · ${action} · ${commit}`,
    actions: { publish: 'published', rollback: 'rolled back', failed: 'failed' },
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

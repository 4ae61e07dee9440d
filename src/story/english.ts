/** CJK symbols and punctuation (、。「」《》, the ideographic space …) and the full-width forms (，：（）；！？ …). */
const fullWidth = /[\u3000-\u303F\uFF00-\uFFEF]/u;
/** A run of Chinese: Han characters and full-width punctuation, with no space or Latin letter between. */
const chineseRun = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]+/gu;

/**
 * Full-width punctuation in English text, each with some context. It is allowed only inside a
 * run that contains Han characters: Chinese the English edition quotes on purpose, such as
 * "(散乱污)" or a report's title in brackets.
 */
export function strayFullWidth(text: string): string[] {
  return [...text.matchAll(chineseRun)]
    .filter((m) => fullWidth.test(m[0]) && !/\p{Script=Han}/u.test(m[0]))
    .map((m) => text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' '));
}

/** Chinese in English text outside brackets (where an English name may give the report's term: "electronic information (电子信息)"). */
export function chineseOutsideBrackets(text: string): string[] {
  let rest = text;
  // Bracketed asides, innermost first.
  for (let i = 0; i < 3; i++) rest = rest.replace(/[(（][^()（）]*[)）]/g, '');
  return [...rest.matchAll(/.{0,20}\p{Script=Han}+.{0,20}/gu)].map((m) => m[0].replace(/\s+/g, ' '));
}

/** Whether English text opens with a small letter, where a sentence or title should open with a capital. */
export const opensLowercase = (text: string) => /^[a-z]/.test(text.trimStart());

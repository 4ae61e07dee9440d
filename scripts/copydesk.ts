// The stylebook's rules for what one undated source can carry, read over the built pages (both
// editions: text, attributes, metadata, images, downloads): no verb that claims the report
// confirms or proves a figure, no "not published" for "not reported", and no present-tense status
// word ("目前", "currently", "is building") in a sentence that does not date it to the report.
// CLI: node scripts/copydesk.ts [dist]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtTexts } from './originality.ts';

/** Claims one report cannot carry, unless denied in the same breath ("cannot confirm", "无从证实"). */
export const overclaims = [
  /\bconfirm(s|ed|ing)?\b/i,
  /\bprov(e|es|ed|en|ing)\b/i,
  /\bverif(y|ies|ied)\b/i,
  /easy to check/i,
  /证实/,
  /证明/,
  /可以确认/,
  /有据可查/,
  /未公布/,
];
const denied = /\b(not|cannot|can[’']t|no way to|nothing to)\b[^.;:]{0,40}$|(无从|无法|不能|难以|没有办法)[^。；：]{0,8}$/i;

/** Words that tell a state of things as present. */
export const statusWords = [
  /目前/,
  /眼下/,
  /当前/,
  /当下/,
  /仍在/,
  /\bcurrently\b/i,
  /\bas of now\b/i,
  /\bright now\b/i,
  /\bis (being )?built\b/i,
  /\bis building\b/i,
  /\bnow (stands|reaches|covers|tracks)\b/i,
];
/** What dates a sentence to the report: it says when, or it is the report's own words in quotation marks. */
const dated =
  /报道发表时|报道时|当时|截至报道|as of the report|at the time of the report|when the report was written|the report[’']s (own )?(“|")/i;
const quoted = (sentence: string, at: number) => {
  const before = sentence.slice(0, at);
  return (before.match(/[“「"]/g) ?? []).length > (before.match(/[”」"]/g) ?? []).length;
};

/** A Chinese term in brackets in an English sentence: the report's own word, cited ("to date" (截至目前)). */
const cited = (sentence: string, at: number, word: string) =>
  /[\u3400-\u9fff]/u.test(word) && /[A-Za-z]{3}/.test(sentence) && sentence.lastIndexOf('(', at) > sentence.lastIndexOf(')', at);

export interface Finding {
  where: string;
  rule: 'overclaim' | 'undated status';
  sentence: string;
}

/** The sentences of a text, split where either language ends one. */
const sentences = (text: string) =>
  text
    .split(/(?<=[。！？!?])|(?<=\.)\s+|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);

export function copydeskFindings(texts: readonly { where: string; text: string }[]): Finding[] {
  const findings: Finding[] = [];
  for (const { where, text } of texts)
    for (const sentence of sentences(text)) {
      for (const word of overclaims) {
        const hit = word.exec(sentence);
        if (hit && !denied.test(sentence.slice(0, hit.index)) && !quoted(sentence, hit.index))
          findings.push({ where, rule: 'overclaim', sentence });
      }
      for (const word of statusWords) {
        const hit = word.exec(sentence);
        if (hit && !dated.test(sentence) && !quoted(sentence, hit.index) && !cited(sentence, hit.index, hit[0]))
          findings.push({ where, rule: 'undated status', sentence });
      }
    }
  return findings;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  if (!existsSync(dir)) {
    console.error(`No built site at ${dir}: run npm run build first.`);
    process.exit(2);
  }
  const findings = copydeskFindings(builtTexts(dir));
  for (const f of findings) console.log(`${f.where}: ${f.rule}: ${f.sentence}`);
  console.log(`${findings.length} sentence(s) against the stylebook's rules for one undated source`);
  process.exit(findings.length ? 1 : 0);
}

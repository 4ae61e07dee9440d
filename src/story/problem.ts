/**
 * A problem in the story, worded for the editor who has to fix it: what is wrong and what
 * to do, in plain words, then where: the section or record by name, the file, the field,
 * and the line and column in the file.
 */
export interface Problem {
  /** The rule the story breaks, for tests and tools: "unknown-fact", "typed-number", … */
  rule: string;
  /** What the problem is about, by the name an editor knows it by: `Section “一片湿地” (zh)`, `Record “水质达标率” (wetland.waterQuality)`. */
  subject: string;
  /** What is wrong. */
  problem: string;
  /** What to do about it. */
  fix: string;
  /** The file, relative to the story's folder: "data/wetland.json". */
  file: string;
  /** The field inside the file, when there is one: "records[2].value", "zh.takeaway". */
  field?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

/** Where a problem is, as a reader of a terminal or a screen finds it: "data/wetland.json:12:57, records[2].value". */
export function placeOf(p: Pick<Problem, 'file' | 'field' | 'line' | 'column'>, folder = ''): string {
  const file = `${folder}${p.file}`;
  const at = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
  return p.field ? `${at}, ${p.field}` : at;
}

/** One problem on one line: what is wrong and what to do, then where. */
export function formatProblem(p: Problem, folder = ''): string {
  const sentence = (s: string) => (/[.。!?！？]$/.test(s) ? s : `${s}.`);
  return `${p.subject}: ${sentence(p.problem)} ${sentence(p.fix)} (${placeOf(p, folder)})`;
}

/** The story's problems as one error, one problem a line, so that a build or a save stops with all of them. */
export class StoryError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], folder = '') {
    const n = problems.length;
    super(
      `The story has ${n === 1 ? 'a problem' : `${n} problems`} to fix before it can be built:\n${problems.map((p) => `• ${formatProblem(p, folder)}`).join('\n')}`,
    );
    this.name = 'StoryError';
    this.problems = problems;
  }
}

/** A quoted name or value for a message: “水质达标率”, shortened when long. */
export const quote = (s: string, max = 40) => `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;

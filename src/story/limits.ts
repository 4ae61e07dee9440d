import { placeAt, type Place } from './locate.ts';

/**
 * How much a story file may hold. The story's own files are far below these (its largest file
 * is under 7 KB, its longest text under 400 characters, its deepest nesting 5); the limits keep
 * a pasted or hostile file from stalling or crashing the build and the editing screen, whose
 * Markdown parser is native code that a deep enough nesting overflows.
 */
export const limits = {
  /** Bytes in one file. */
  fileBytes: 256 * 1024,
  /** Characters in one text of the data, a chart's words or the story's words. */
  textLength: 2000,
  /** Characters in one paragraph of a section. */
  paragraphLength: 6000,
  /** Levels of lists and quotes in a section (a list inside a quote inside a list …). */
  blockDepth: 8,
  /** Levels of the story's tags inside one another (a figure inside a note inside a step …). */
  tagDepth: 6,
  /** Levels of brackets and braces. */
  bracketDepth: 32,
  /** Emphasis marks (*, _, ~) in one paragraph. */
  emphasisMarks: 200,
  /** Levels of lists and maps in a data or YAML file. */
  dataDepth: 12,
} as const;

/** Characters that change how text reads without showing: bidirectional overrides, zero-width and control characters, halves of broken characters. */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\uE000-\uF8FF\u{D800}-\u{DFFF}]/gu;

/** What an invisible character is, in words. */
function nameOf(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x061c || code === 0x200e || code === 0x200f)
    return `a hidden text-direction mark (${hex}), which can make text read differently from how it is stored`;
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0x180e) return `a zero-width character (${hex})`;
  if (code >= 0xd800 && code <= 0xdfff) return `half of a broken character (${hex})`;
  if (code >= 0xe000 && code <= 0xf8ff) return `a private-use character (${hex}), which shows as nothing or a box`;
  if (code === 0xad) return `a soft hyphen (${hex}), which is invisible`;
  return `an invisible control character (${hex})`;
}

export interface Finding extends Place {
  what: string;
}

/** The first invisible character of a text, with its place and its name. */
export function invisibleIn(text: string): Finding | undefined {
  INVISIBLE.lastIndex = 0;
  const m = INVISIBLE.exec(text);
  if (!m) return undefined;
  return { ...placeAt(text, m.index), what: nameOf(m[0].codePointAt(0)!) };
}

/** The prefix of a line that opens quotes and list items: "> - 1. ". */
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/** The first place where a section's text is nested deeper, or runs longer, than the limits allow. */
export function mdxOverLimit(text: string): Finding | undefined {
  const lines = text.split('\n');
  let offset = 0;
  let paragraph = { start: 0, length: 0, marks: 0 };
  let tags = 0;
  let brackets = 0;
  const at = (index: number, what: string): Finding => ({ ...placeAt(text, index), what });
  for (const line of lines) {
    if (line.trim() === '') {
      paragraph = { start: offset + line.length + 1, length: 0, marks: 0 };
      offset += line.length + 1;
      continue;
    }
    // Lists and quotes: each marker, and each two columns of indentation, is a level.
    let depth = Math.floor(/^[ \t]*/.exec(line)![0].replace(/\t/g, '  ').length / 2);
    let rest = line;
    for (let m = CONTAINER.exec(rest); m; m = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    if (depth > limits.blockDepth) return at(offset, `lists or quotes nested ${depth} levels deep (at most ${limits.blockDepth})`);
    paragraph.length += line.length;
    paragraph.marks += (line.match(/[*_~]/g) ?? []).length;
    if (paragraph.length > limits.paragraphLength)
      return at(paragraph.start, `a paragraph longer than ${limits.paragraphLength} characters; split it`);
    if (paragraph.marks > limits.emphasisMarks)
      return at(paragraph.start, `a paragraph with more than ${limits.emphasisMarks} emphasis marks (*, _ or ~)`);
    // The story's tags inside one another, and brackets inside brackets.
    for (const m of line.matchAll(/<(\/?)[A-Za-z][^<>]*?(\/?)>|\\.|[([{]|[)\]}]/g)) {
      const token = m[0];
      if (token.startsWith('<')) {
        if (m[1]) tags = Math.max(0, tags - 1);
        else if (!m[2]) tags++;
        if (tags > limits.tagDepth) return at(offset + m.index, `tags nested ${tags} deep (at most ${limits.tagDepth})`);
      } else if (token.startsWith('\\')) continue;
      else if ('([{'.includes(token)) {
        if (++brackets > limits.bracketDepth)
          return at(offset + m.index, `brackets or braces nested ${brackets} deep (at most ${limits.bracketDepth})`);
      } else brackets = Math.max(0, brackets - 1);
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** The first place where JSON or YAML text nests lists and maps deeper than the limit: brackets, braces, and for YAML indentation. */
export function dataOverLimit(text: string, yaml: boolean): Finding | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || (yaml && c === "'")) quote = c;
    else if (yaml && c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if (c === '[' || c === '{') {
      if (++depth > limits.dataDepth)
        return { ...placeAt(text, i), what: `lists or fields nested ${depth} levels deep (at most ${limits.dataDepth})` };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (yaml && c === '\n') {
      // A new line closes quotes that YAML does not continue, and its indentation is a level per two columns.
      const indent = /^[ -]*/.exec(text.slice(i + 1))![0].length;
      if (depth === 0 && indent / 2 > limits.dataDepth)
        return { ...placeAt(text, i + 1), what: `a line indented ${indent} columns, nested deeper than ${limits.dataDepth} levels` };
    }
  }
  return undefined;
}

/** The first limit a file's text breaks, as a rule, what is wrong and what to do: its size, an invisible character, its nesting. */
export function fileOverLimits(
  text: string,
  format: 'mdx' | 'json' | 'yaml',
): { rule: string; problem: string; fix: string; line?: number; column?: number } | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.fileBytes)
    return {
      rule: 'too-large',
      problem: `the file is ${Math.round(bytes / 1024)} KB, more than the ${limits.fileBytes / 1024} KB a file may hold`,
      fix: format === 'mdx' ? 'Split it into several sections' : 'Split it, or remove what it need not hold',
    };
  const hidden = invisibleIn(text);
  if (hidden)
    return {
      rule: 'invisible-character',
      problem: `the text holds ${hidden.what}`,
      fix: 'Delete it (retype the words around it if you cannot see it)',
      line: hidden.line,
      column: hidden.column,
    };
  const deep = format === 'mdx' ? mdxOverLimit(text) : dataOverLimit(text, format === 'yaml');
  if (deep) return { rule: 'too-deep', problem: `the text has ${deep.what}`, fix: 'Simplify it', line: deep.line, column: deep.column };
  return undefined;
}

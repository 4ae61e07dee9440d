import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdxToJs, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import { fileOverLimits, limits } from './limits.ts';
import { StoryError, type Problem } from './problem.ts';

/** Where a tag starts in its MDX file: line and column of the whole file, front matter included. */
export interface Place {
  line: number;
  column: number;
}
export interface FactReference extends Place {
  tag: 'Fact';
  id: string;
}
export interface ChartReference extends Place {
  tag: 'Chart';
  id: string;
}
export interface StepReference extends Place {
  tag: 'Step';
  state: string;
}
export interface ScrollyReference extends Place {
  tag: 'Scrolly';
  chart: string;
  /** Its `<Step>`s, in the order they are written. */
  steps: StepReference[];
}
/** A tag that names data: what the story check compares with the figures and charts that exist. */
export type Reference = FactReference | ChartReference | ScrollyReference;

/** A run of text a reader reads, with its place: the story check looks in it for typed numbers. */
export interface Prose extends Place {
  text: string;
}

/** What one MDX file holds beyond its Markdown: its tags, its prose by paragraph, and what breaks the rules of content. */
export interface MdxReading {
  references: Reference[];
  /** Each paragraph's text as it reads, a figure as "{id}". */
  paragraphs: Prose[];
  /** The anchors its links go to on the page ("#figure-rates" as "figure-rates"), for the check to find. */
  anchors: (Place & { anchor: string })[];
  problems: Problem[];
}

/** The story's tags, the one attribute each takes, and an example. A page other than the story takes figures and notes only. */
const TAGS = {
  Fact: { attribute: 'id', example: '<Fact id="sales.total.2024" />', what: 'a figure' },
  Chart: { attribute: 'id', example: '<Chart id="my-chart" />', what: 'a chart' },
  Scrolly: { attribute: 'chart', example: '<Scrolly chart="my-chart">', what: 'a chart told in steps' },
  Step: { attribute: 'state', example: '<Step state="2018">', what: 'a step' },
  Context: { attribute: undefined, example: '<Context>…</Context>', what: 'the site’s note' },
} as const;
type Tag = keyof typeof TAGS;
const STORY_TAGS: readonly Tag[] = ['Fact', 'Chart', 'Scrolly', 'Step', 'Context'];
const PAGE_TAGS: readonly Tag[] = ['Fact', 'Context'];
/** The tags a file may hold: a data page's notes hold figures and the site's notes; sections hold all. */
export const tagsFor = (file: string): readonly Tag[] =>
  /(^|\/)content\/pages\//.test(file) || file.startsWith('pages/') ? PAGE_TAGS : STORY_TAGS;

/** Markdown the story may use: text, emphasis, headings, lists, quotes, tables, links, footnotes. */
const MARKDOWN = new Set([
  'root',
  'yaml',
  'paragraph',
  'text',
  'emphasis',
  'strong',
  'delete',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'break',
  'inlineCode',
  'link',
  'linkReference',
  'definition',
  'table',
  'tableRow',
  'tableCell',
  'footnoteReference',
  'footnoteDefinition',
]);

/**
 * Link targets a section may give: another site by its full address, an e-mail address, or a
 * place on the page by its anchor. A path of the site's own (/data/, ../) is not one: the
 * site's addresses depend on where it is published (at the root, or under a path).
 */
const OUTSIDE = /^(https?:\/\/[^\s/]+|mailto:[^\s]+)/i;

type Node = {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
};

const placeOf = (n: Node): Place => ({ line: n.position?.start.line ?? 1, column: n.position?.start.column ?? 1 });

/**
 * Reads one MDX file's syntax tree: the story's tags with their places, each paragraph's
 * text, and every place where the file is more than words and the story's tags (an import,
 * an export, a `{…}` expression, raw HTML or an unknown component, an image, a link that
 * would run code), or where a tag is malformed.
 */
export function readTree(root: Node, file: string, subject: string): MdxReading {
  const references: Reference[] = [];
  const paragraphs: Prose[] = [];
  const anchors: MdxReading['anchors'] = [];
  const problems: Problem[] = [];
  const allowed = tagsFor(file);
  const fail = (node: Node, rule: string, problem: string, fix: string) =>
    problems.push({ rule, subject, problem, fix, file, ...placeOf(node) });

  /** The one attribute a tag takes, as the literal text it must be; undefined after a problem. */
  const attribute = (node: Node, tag: Tag): string | undefined => {
    const { attribute: name, example } = TAGS[tag];
    let ok = true;
    for (const a of node.attributes ?? []) {
      if (a.type === 'mdxJsxExpressionAttribute') {
        fail(node, 'code-in-content', `<${tag}> holds code in braces ({…})`, `Write it as ${example}; content cannot hold code`);
        ok = false;
      } else if (a.name !== name) {
        fail(
          node,
          'unknown-attribute',
          `<${tag}> has an attribute it does not take, “${a.name}”`,
          name ? `Write it as ${example}, with ${name}="…" only` : `Write it as ${example}, with no attributes`,
        );
        ok = false;
      } else if (a.value !== null && typeof a.value === 'object') {
        fail(node, 'code-in-content', `<${tag} ${a.name}={…}> gives its ${a.name} as code`, `Write it in quotes, as ${example}`);
        ok = false;
      }
    }
    if (!name || !ok) return undefined;
    const value = node.attributes?.find((a) => a.name === name)?.value;
    if (typeof value !== 'string' || value.trim() === '') {
      fail(node, 'malformed-tag', `<${tag}> has no ${name}`, `Give it one, as ${example}`);
      return undefined;
    }
    return value;
  };

  const scrollies: ScrollyReference[] = [];
  let paragraph: Prose | undefined;

  const visit = (node: Node, ancestors: Node[]) => {
    const parent = ancestors.at(-1);
    const tagged = ancestors.filter((a) => a.type === 'mdxJsxFlowElement' || a.type === 'mdxJsxTextElement').map((a) => a.name);
    switch (node.type) {
      case 'mdxjsEsm':
        return fail(
          node,
          'code-in-content',
          /^\s*export\b/.test(node.value ?? '') ? 'the text exports code (export …)' : 'the text imports code (import …)',
          'Remove the line: a section holds words, figures and the story’s tags, never code',
        );
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return fail(
          node,
          'code-in-content',
          `the text holds code in braces, {${(node.value ?? '').trim().slice(0, 30)}}`,
          'Remove the braces, or write \\{ and \\} to show braces as text',
        );
      case 'html':
        return fail(node, 'code-in-content', 'the text holds raw HTML', 'Remove it; use Markdown and the story’s tags');
      case 'image':
      case 'imageReference':
        return fail(
          node,
          'image-in-content',
          'the text places an image',
          'Remove it: the story shows charts with <Chart id="…" />, and loads nothing from elsewhere',
        );
      case 'link':
      case 'definition': {
        const url = (node.url ?? '').trim();
        if (url.startsWith('#') && url.length > 1) anchors.push({ anchor: decodeURIComponent(url.slice(1)), ...placeOf(node) });
        else if (!OUTSIDE.test(url))
          fail(
            node,
            'unsafe-link',
            `a link goes to “${url.slice(0, 40)}”, which is neither another site nor a place on this page`,
            'Link to another site by its full address (https://…), or to a place on the page by its anchor (#…): the site’s own addresses depend on where it is published',
          );
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!name) return fail(node, 'code-in-content', 'the text holds an empty tag <>…</>', 'Remove the tag and keep its words');
        if (!(allowed as readonly string[]).includes(name)) {
          const known = allowed.map((t) => `<${t}>`).join(', ');
          return fail(
            node,
            /^[a-z]/.test(name) ? 'html-in-content' : 'unknown-component',
            /^[a-z]/.test(name) ? `the text holds an HTML tag, <${name}>` : `the text holds a tag the story does not know, <${name}>`,
            `Remove it and keep its words; this file may use Markdown and ${known}`,
          );
        }
        const tag = name as Tag;
        const value = attribute(node, tag);
        if (tag === 'Fact' && value !== undefined) {
          references.push({ tag, id: value, ...placeOf(node) });
          if (paragraph) paragraph.text += `{${value}}`;
        } else if (tag === 'Chart' || tag === 'Scrolly') {
          if (node.type !== 'mdxJsxFlowElement' || parent?.type !== 'root')
            fail(
              node,
              'misplaced-tag',
              `<${tag} ${TAGS[tag].attribute}="${value ?? '…'}"> stands inside ${tagged.length ? `<${tagged.at(-1)}>` : 'a paragraph, list or quote'}`,
              'Put it on its own line, with a blank line before and after, outside any other tag',
            );
          // A sequence without its chart still holds its steps, which are not misplaced for it.
          if (value === undefined) {
            if (tag === 'Scrolly') scrollies.push({ tag, chart: '', ...placeOf(node), steps: [] });
            break;
          }
          if (tag === 'Chart') references.push({ tag, id: value, ...placeOf(node) });
          else {
            const scrolly: ScrollyReference = { tag, chart: value, ...placeOf(node), steps: [] };
            scrollies.push(scrolly);
            references.push(scrolly);
            for (const child of node.children ?? [])
              if (child.type !== 'mdxJsxFlowElement' || child.name !== 'Step')
                fail(
                  child,
                  'misplaced-tag',
                  `<Scrolly chart="${value}"> holds something other than its <Step>s`,
                  'Put this text inside a <Step>, or after </Scrolly>',
                );
          }
        } else if (tag === 'Step') {
          const owner = parent?.type === 'mdxJsxFlowElement' && parent.name === 'Scrolly' ? scrollies.at(-1) : undefined;
          if (!owner)
            fail(
              node,
              'misplaced-tag',
              `<Step${value ? ` state="${value}"` : ''}> stands outside a <Scrolly>`,
              'Put each <Step> inside the <Scrolly chart="…"> of its chart',
            );
          else if (value !== undefined) owner.steps.push({ tag, state: value, ...placeOf(node) });
        }
        if (tagged.length + 1 > limits.tagDepth)
          fail(node, 'too-deep', `tags stand ${tagged.length + 1} deep inside one another`, `Keep to ${limits.tagDepth} at most`);
        break;
      }
      default:
        if (!MARKDOWN.has(node.type))
          return fail(node, 'code-in-content', `the text holds something the story cannot show (${node.type})`, 'Remove it');
    }
    const opens =
      node.type === 'paragraph' ||
      node.type === 'heading' ||
      node.type === 'tableCell' ||
      (node.type === 'mdxJsxFlowElement' && node.name === 'Step');
    const outer = paragraph;
    if (opens) paragraph = { text: '', ...placeOf(node) };
    if ((node.type === 'text' || node.type === 'inlineCode') && paragraph) paragraph.text += node.value ?? '';
    for (const child of node.children ?? []) visit(child, [...ancestors, node]);
    if (opens) {
      if (paragraph!.text.trim()) paragraphs.push(paragraph!);
      paragraph = outer;
    }
    return undefined;
  };
  visit(root, []);
  return { references, paragraphs, anchors, problems };
}

/** The limits and invisible characters of a section's text, checked before its parser sees it. */
export function guardMdx(text: string, file: string, subject: string): Problem[] {
  const over = fileOverLimits(text, 'mdx');
  return over ? [{ ...over, subject, file }] : [];
}

/** The parser's message as a problem: "12:3: Unexpected character …" names the place. */
function parseProblem(e: unknown, file: string, subject: string): Problem {
  const message = e instanceof Error ? e.message : String(e);
  const at = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(message);
  const reason = (at ? message.slice(at[0].length) : message).replace(/\s*\([a-z-]+:[a-z-]+\)\s*$/, '').split('\n')[0]!;
  return {
    rule: 'mdx-syntax',
    subject,
    problem: `the text cannot be read here (${reason})`,
    fix: 'Check the tag at this place: a tag is written like <Fact id="…" />, every <Step> is closed by </Step>, and a { or < meant as text is written \\{ or \\<',
    file,
    ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}),
  };
}

/** An mdast plugin that reads the tree into `reading` once the file is parsed. */
const reader = (file: string, subject: string, into: (r: MdxReading) => void): MdastPluginDefinition => ({
  name: 'story-content',
  options: { position: true },
  after(root) {
    into(readTree(root as unknown as Node, file, subject));
  },
});

/** One MDX file, guarded and parsed as the build parses it: its tags, paragraphs and problems. */
export function readMdx(text: string, file: string, subject = `The file ${file}`): MdxReading {
  const guarded = guardMdx(text, file, subject);
  if (guarded.length) return { references: [], paragraphs: [], anchors: [], problems: guarded };
  let reading: MdxReading | undefined;
  try {
    mdxToJs(text, { mdastPlugins: [reader(file, subject, (r) => (reading = r))], fileURL: new URL(`file:///story/${file}`) });
  } catch (e) {
    return { references: [], paragraphs: [], anchors: [], problems: [parseProblem(e, file, subject)] };
  }
  return reading ?? { references: [], paragraphs: [], anchors: [], problems: [] };
}

/**
 * The rules of content in Astro's MDX pipeline (Sätteri, which runs no remark plugins): before
 * a file is parsed, its size, nesting and invisible characters are checked; once parsed, the
 * file must hold only Markdown and the story's tags. Either stops the compile with the file,
 * line and column, so no import, export or expression an editor typed ever runs. `root` is the
 * folder that file names are given relative to.
 */
export function contentRules(options: { root?: string } = {}) {
  const root = options.root ?? process.cwd();
  return (factory: PluginFactoryContext): MdastPluginDefinition => {
    const file = factory.fileURL ? relative(root, fileURLToPath(factory.fileURL)) : 'MDX';
    const subject = `The file ${file}`;
    const guarded = guardMdx(factory.source, file, subject);
    if (guarded.length) throw new StoryError(guarded);
    return reader(file, subject, (r) => {
      if (r.problems.length) throw new StoryError(r.problems);
    });
  };
}

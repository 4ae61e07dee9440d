import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  mdxToJs,
  type MdastPluginDefinition,
  type MdastVisitorContext,
  type MdxJsxFlowElement,
  type MdxJsxTextElement,
  type PluginFactoryContext,
  type Position,
} from 'satteri';

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
/** A component tag that names data: what the page checks against the facts and charts that exist. */
export type Reference = FactReference | ChartReference | ScrollyReference;

/** The key under which the references reach the page, as `remarkPluginFrontmatter.references`. */
export const REFERENCES_KEY = 'references';

/** A malformed tag, found while compiling: the message starts with `file:line:column`. */
export class ContentError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  constructor(file: string, place: Place, reason: string) {
    super(`${file}:${place.line}:${place.column}: ${reason}`);
    this.name = 'ContentError';
    this.file = file;
    this.line = place.line;
    this.column = place.column;
  }
}

type Element = MdxJsxFlowElement | MdxJsxTextElement;

/** The attribute each tag must have, and an example of it. */
const REQUIRED = {
  Fact: { name: 'id', example: '<Fact id="sales.total.2024" />' },
  Chart: { name: 'id', example: '<Chart id="my-chart" />' },
  Scrolly: { name: 'chart', example: '<Scrolly chart="my-chart">' },
  Step: { name: 'state', example: '<Step state="2018">' },
} as const;
type Tag = keyof typeof REQUIRED;
const isTag = (name: string | null): name is Tag => name !== null && Object.hasOwn(REQUIRED, name);

/**
 * A Sätteri mdast plugin (Astro 7's MDX pipeline; it runs no remark plugins) that walks the
 * MDX syntax tree of every file and collects each `<Fact id>`, `<Chart id>` and
 * `<Scrolly chart>` with its `<Step state>`s, with line and column. A malformed tag (no literal
 * id, chart or state; a `<Step>` outside a `<Scrolly>`) fails the compile there and then. The
 * references go to the page as `remarkPluginFrontmatter.references`, where
 * `checkReferences` compares them with the facts and charts that exist.
 *
 * `root` is the project folder; messages name files relative to it.
 */
export function mdxReferences(options: { root?: string } = {}) {
  const root = options.root ?? process.cwd();
  return (factory: PluginFactoryContext): MdastPluginDefinition => {
    const file = factory.fileURL ? relative(root, fileURLToPath(factory.fileURL)) : 'MDX';
    const references: Reference[] = [];
    /** Each `<Scrolly>` by the offset where it starts, for its `<Step>`s to join. */
    const scrollies = new Map<number, ScrollyReference>();

    const placeOf = (node: { position?: Position | undefined }): Place => {
      const start = node.position?.start;
      return { line: start?.line ?? 0, column: start?.column ?? 0 };
    };
    const fail = (node: { position?: Position | undefined }, reason: string): never => {
      throw new ContentError(file, placeOf(node), reason);
    };
    /** The nearest enclosing element with this name. */
    const ancestor = (node: Element, ctx: MdastVisitorContext, name: string): Element | undefined => {
      for (let p = ctx.parent(node); p; p = ctx.parent(p))
        if ((p.type === 'mdxJsxFlowElement' || p.type === 'mdxJsxTextElement') && p.name === name) return p;
      return undefined;
    };
    /** The one attribute the tag needs, as the literal string it must be. */
    const required = (node: Element, tag: Tag): string => {
      const { name, example } = REQUIRED[tag];
      for (const a of node.attributes) {
        if (a.type === 'mdxJsxExpressionAttribute')
          fail(node, `<${tag} {${a.value}}>: write the ${name} as ${name}="…", e.g. ${example}; an expression cannot be checked`);
        else if (a.value !== null && typeof a.value === 'object')
          fail(
            node,
            `<${tag} ${a.name}={${a.value.value}}>: write the ${a.name} in quotes, e.g. ${example}; an expression cannot be checked`,
          );
      }
      const value = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
      if (typeof value !== 'string' || value.trim() === '')
        fail(node, `<${tag}> needs ${name === 'id' ? 'an id' : `a ${name}`}, e.g. ${example}`);
      return value as string;
    };

    const visit = (node: Element, ctx: MdastVisitorContext) => {
      if (!isTag(node.name)) return;
      const tag = node.name;
      const value = required(node, tag);
      const place = placeOf(node);
      if (tag === 'Fact' || tag === 'Chart') {
        references.push({ tag, id: value, ...place });
      } else if (tag === 'Scrolly') {
        if (ancestor(node, ctx, 'Scrolly')) fail(node, '<Scrolly> cannot be placed inside another <Scrolly>');
        for (const child of node.children)
          if (child.type !== 'mdxJsxFlowElement' || child.name !== 'Step')
            fail(
              child,
              `<Scrolly chart="${value}"> holds only <Step>s, each on its own lines; put this text inside a <Step> or after </Scrolly>`,
            );
        const scrolly: ScrollyReference = { tag, chart: value, ...place, steps: [] };
        scrollies.set(node.position?.start.offset ?? -1, scrolly);
        references.push(scrolly);
      } else {
        const parent = ancestor(node, ctx, 'Scrolly');
        const scrolly = parent && scrollies.get(parent.position?.start.offset ?? -1);
        if (!scrolly) fail(node, `<Step state="${value}"> must be inside a <Scrolly chart="…">, one <Step> per state of the chart`);
        scrolly!.steps.push({ tag, state: value, ...place });
      }
    };

    return {
      name: 'mdx-references',
      options: { position: true },
      mdxJsxFlowElement: visit,
      mdxJsxTextElement: visit,
      after(_root, ctx) {
        const astro = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
        if (!astro?.frontmatter)
          throw new Error(`${file}: mdxReferences runs in Astro's MDX pipeline, which provides data.astro.frontmatter`);
        astro.frontmatter[REFERENCES_KEY] = references;
      },
    };
  };
}

/**
 * The references of one MDX file (front matter included), compiled as the build compiles
 * it; for tests and scripts. A malformed tag throws its ContentError.
 */
export function readReferences(source: string, file = 'MDX'): Reference[] {
  // What Astro's MDX pipeline hands its plugins.
  const data = {
    astro: {
      frontmatter: {} as Record<string, unknown>,
      headings: [],
      localImagePaths: new Set<string>(),
      remoteImagePaths: new Set<string>(),
    },
  };
  const fileURL = new URL(`file:///project/${file}`);
  mdxToJs(source, { mdastPlugins: [mdxReferences({ root: '/project' })], data, fileURL });
  return data.astro.frontmatter[REFERENCES_KEY] as Reference[];
}

import { parseTree, type ParseError, printParseErrorCode, parse as parseJsonc } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { parseHTML } from 'linkedom';
import { layoutOf, overlappingLabels } from '../charts/bounds.ts';
import { chartEntry, kinds, type ChartEntry } from '../kinds/index.ts';
import { editionCodes, type Locale } from '../lib/format.ts';
import { keyFigureLabel } from './keyFigures.ts';
import {
  dataset,
  derivedFile,
  factId,
  pageSchema,
  plainWords,
  recordSchemaFor,
  reservedFiles,
  sectionSchema,
  sourceFile,
  type Dataset,
  type DerivedFile,
  type SourceFile,
} from '../lib/schema.ts';
import { buildStory, storyConfig, type Story, type StoryConfig } from './story.ts';
import { figureNames, plain } from '../lib/template.ts';
import { factAnchor } from '../lib/anchors.ts';
import { fieldPath, type DataFiles } from '../lib/validate.ts';
import { roleOf, type Edition, type StoryFiles } from './files.ts';
import { chineseOutsideBrackets, opensLowercase, strayFullWidth } from './english.ts';
import { fileOverLimits, invisibleIn, limits } from './limits.ts';
import { locateJson, locateYaml, placeAt, type Path } from './locate.ts';
import { readMdx, type MdxReading, type Reference } from './mdx.ts';
import { formatProblem, quote, type Problem } from './problem.ts';

/** A section or notes page as read: its tags and paragraphs, its front matter when valid, its name, whether it could be read whole. */
interface Reading {
  reading: MdxReading;
  front?: Record<string, unknown> | undefined;
  subject: string;
  /** The text could not be read whole (too large, too deep, not MDX): its tags are not known, so nothing is compared with them. */
  unread: boolean;
}

/** What the check found: every problem, and the story when there is none. */
export interface CheckResult {
  problems: Problem[];
  story?: Story | undefined;
}

export interface CheckOptions {
  /** Figure ids the files had before the change being checked: a figure still used after its record was removed is named as removed. */
  before?: ReadonlySet<string> | undefined;
}

const LANGUAGE: Record<Locale, string> = { zh: 'Chinese', en: 'English' };
const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A value as a message shows it: “text”, 12, a list, a set of fields. */
function shown(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'a number too large to store';
  if (typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  return 'a set of fields';
}
/** "records[3].value" → "value"; "notes[1]" → "notes, item 2". */
function leafName(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (typeof last === 'number') return `${leafName(path.slice(0, -1)) || 'the list'}, item ${last + 1}`;
  return last === undefined ? '' : String(last);
}
const at = (v: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<PropertyKey, unknown>)[k] : undefined), v);

/** A source file as the check reads it: its text, its parsed value, and where a field is. */
interface Parsed {
  file: string;
  text: string;
  value: unknown;
  locate: (path: Path) => { line: number; column: number } | undefined;
}

/**
 * A build checks the story before Vite loads the pages (src/story/integration.ts), and the pages'
 * own copy of the engine would check the same files again (src/story/site.ts). The build's result
 * is handed over once, for exactly the files it checked; the development server never hands one
 * over, so a change to the engine's code always reaches the pages there.
 */
const HANDED = Symbol.for("story check: the build's result, for the pages");
type Handed = { files: StoryFiles; result: CheckResult };
const sameFiles = (a: StoryFiles, b: StoryFiles) => a.size === b.size && [...a].every(([path, text]) => b.get(path) === text);

/** Hands a build's check result to the pages of the same build. */
export function handOver(files: StoryFiles, result: CheckResult): void {
  (globalThis as { [HANDED]?: Handed })[HANDED] = { files, result };
}

/** The check of these files: the result handed over by the build, if it checked exactly these files, else a new check. */
export function checkStoryOnce(files: StoryFiles): CheckResult {
  const slot = globalThis as { [HANDED]?: Handed };
  const handed = slot[HANDED];
  delete slot[HANDED];
  return handed && sameFiles(handed.files, files) ? handed.result : checkStory(files);
}

/**
 * The one check of a story: every rule the build, the editing screen's save and the tests
 * hold the story to, over all its files (data, charts, the story's settings, each edition's
 * sections and data page notes). Returns every problem, worded for an editor, with file,
 * field and line:column; and, when there is none, the story, built.
 */
export function checkStory(files: StoryFiles, options: CheckOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  // A problem found twice (a chart's data, drawn for each edition) is reported once.
  const add = (p: Problem) => {
    const key = formatProblem(p);
    if (!seen.has(key)) problems.push(p);
    seen.add(key);
  };

  // Files, each on its own: size, invisible characters, nesting, syntax, schema. -----------------
  const datasets: Record<string, Dataset> = {};
  let source: SourceFile | undefined;
  let derived: DerivedFile | undefined;
  const parsedData = new Map<string, Parsed>();
  const charts: Record<string, ChartEntry> = {};
  const parsedCharts = new Map<string, Parsed>();
  let config: StoryConfig | undefined;
  let parsedConfig: Parsed | undefined;
  const sections: Record<Edition, { file: string; name: string; text: string }[]> = { zh: [], en: [] };
  const pages: Record<Edition, { file: string; name: string; text: string }[]> = { zh: [], en: [] };
  let brokenData = false;

  for (const [file, text] of files) {
    const role = roleOf(file);
    if (!role) continue;
    if (role.role === 'section' || role.role === 'page') {
      (role.role === 'section' ? sections : pages)[role.edition].push({ file, name: role.name, text });
      continue;
    }
    const subject =
      role.role === 'data'
        ? `The data file ${file}`
        : role.role === 'chart'
          ? `Chart “${role.name}”`
          : 'The story’s settings (content/story.yaml)';
    const parsed = parseFile(file, text, file.endsWith('.json') ? 'json' : 'yaml', subject, add);
    if (!parsed) {
      if (role.role === 'data') brokenData = true;
      continue;
    }
    if (role.role === 'data') {
      parsedData.set(role.name, parsed);
      const name = `${role.name}.json`;
      const schema =
        name === reservedFiles.source
          ? sourceFile
          : name === reservedFiles.derived
            ? derivedFile
            : dataset(recordSchemaFor(at(parsed.value, ['records'])));
      const value = validate(parsed, schema, (path) => dataSubject(parsed, path), add);
      if (value === undefined) brokenData = true;
      else if (name === reservedFiles.source) source = value as SourceFile;
      else if (name === reservedFiles.derived) derived = value as DerivedFile;
      else datasets[role.name] = value as Dataset;
    } else if (role.role === 'chart') {
      parsedCharts.set(role.name, parsed);
      if (!/^[a-z][a-z0-9-]*$/.test(role.name))
        add({
          rule: 'file-name',
          subject,
          problem: `the file name “${role.name}” cannot name a chart`,
          fix: 'Rename the file with lowercase letters, digits and hyphens, such as sewage.yaml; the name is the chart’s id',
          file,
        });
      const value = validate(parsed, chartEntry, (path) => chartSubject(role.name, path), add);
      if (value !== undefined) charts[role.name] = value as ChartEntry;
    } else {
      parsedConfig = parsed;
      config = validate(parsed, storyConfig, storySubject, add) as StoryConfig | undefined;
    }
  }
  if (!files.has('content/story.yaml'))
    add({
      rule: 'missing-file',
      subject: 'The story’s settings',
      problem: 'content/story.yaml is missing',
      fix: 'Put it back: the story needs its editions, key figures and words',
      file: 'content/story.yaml',
    });
  if (![...files.keys()].some((f) => f === `data/${reservedFiles.source}`))
    add({
      rule: 'missing-file',
      subject: 'The source report',
      problem: `data/${reservedFiles.source} is missing`,
      fix: 'Put it back: every story names the report it retells',
      file: `data/${reservedFiles.source}`,
    });

  // Ids are unique across the data files.
  const owner = new Map<string, string>();
  for (const [name, d] of [...Object.entries(datasets), ...(derived ? [['derived', derived] as const] : [])]) {
    (d.records as { id: string }[]).forEach((r, i) => {
      const file = `data/${name}.json`;
      const other = owner.get(r.id);
      if (other) {
        const parsed = parsedData.get(name)!;
        add({
          rule: 'duplicate-id',
          subject: dataSubject(parsed, ['records', i]),
          problem: `the id “${r.id}” is already used in ${other}`,
          fix: 'Give this record an id of its own',
          file,
          field: `records[${i}].id`,
          ...parsed.locate(['records', i, 'id']),
        });
        brokenData = true;
      } else owner.set(r.id, file);
    });
  }

  // The editions the story has, and their sections. ------------------------------------------------
  const editions: Edition[] = config?.editions ?? editionCodes.filter((c) => sections[c].length > 0);
  const readings = new Map<string, Reading>();
  for (const edition of editionCodes) {
    for (const kind of ['section', 'page'] as const) {
      for (const f of (kind === 'section' ? sections : pages)[edition]) {
        if (!editions.includes(edition)) {
          add({
            rule: 'unknown-edition',
            subject: `The file ${f.file}`,
            problem: `the story has no ${LANGUAGE[edition]} edition`,
            fix: `Add "${edition}" to the editions in content/story.yaml, or remove the file`,
            file: f.file,
          });
          continue;
        }
        readings.set(f.file, readSection(f.file, f.text, kind, edition, add));
      }
    }
  }
  for (const edition of editions) checkSections(edition, sections[edition], readings, add);
  for (const edition of editions)
    if (!pages[edition].some((p) => p.name === 'method'))
      add({
        rule: 'missing-file',
        subject: `The data page (${LANGUAGE[edition]})`,
        problem: `its notes on method, content/pages/${edition}/method.mdx, are missing`,
        fix: 'Put the file back, or add it: the data page shows these notes',
        file: `content/pages/${edition}/method.mdx`,
      });
  if (![...readings.values()].some((r) => r.unread || !r.front)) checkCovers(source, editions, sections, readings, add);
  checkProse(config, readings, add);

  // The editions in step, as far as the figures and charts are known: a figure or chart that does not
  // exist is reported once, below, with every place that names it.
  const dataKnown = !brokenData && !!source && !problems.some((p) => p.file.startsWith('data/'));
  const factIds = new Set([...owner.keys()]);
  const chartFiles = new Set(
    [...files.keys()].flatMap((f) => {
      const r = roleOf(f);
      return r?.role === 'chart' ? [r.name] : [];
    }),
  );
  const known = (r: Reference) => (r.tag === 'Fact' ? !dataKnown || factIds.has(r.id) : chartFiles.has(r.tag === 'Chart' ? r.id : r.chart));
  for (const edition of editions.slice(1)) inStep(editions[0]!, edition, sections, readings, known, add);

  // Everything that names a figure or a chart, against the figures and charts that exist. ------------
  if (!dataKnown || !source) return { problems };
  const data: DataFiles = {
    datasets,
    source,
    derived: derived ?? {
      title: '推算数字',
      description: '由报道中的数字计算得出的数字。',
      en: { title: 'Derived figures', description: 'Figures calculated from the report’s own.' },
      records: [],
      checks: [],
    },
  };
  const ids = factIds;
  const uses = new Map<string, { where: string; file: string; field?: string; line?: number; column?: number }[]>();
  const use = (id: string, u: { where: string; file: string; field?: string; line?: number | undefined; column?: number | undefined }) => {
    if (ids.has(id)) return;
    uses.set(id, [...(uses.get(id) ?? []), u as never]);
  };
  // Derived figures and checks name their inputs.
  const derivedParsed = parsedData.get('derived');
  for (const list of ['records', 'checks'] as const)
    data.derived[list].forEach((r, i) => {
      for (const [name, id] of Object.entries(r.inputs)) {
        if (id.startsWith('derived.')) continue;
        const field = `${list}[${i}].inputs.${name}`;
        use(id, {
          where: list === 'records' ? `Derived figure “${(r as { label: string }).label}”` : `Check ${i + 1} of data/derived.json`,
          file: 'data/derived.json',
          field,
          ...derivedParsed?.locate([list, i, 'inputs', name]),
        });
      }
    });
  // Charts name figures in what they draw and in their words.
  for (const [id, entry] of Object.entries(charts)) {
    const parsed = parsedCharts.get(id)!;
    const file = parsed.file;
    for (const ref of factsIn(kinds.get(entry.kind)!.data, entry.data, ['data']))
      use(ref.id, { where: `Chart “${id}”`, file, field: fieldPath(ref.path), ...parsed.locate(ref.path) });
    for (const edition of editions)
      for (const t of templatesIn(entry[edition], [edition]))
        for (const n of figureNames(t.text))
          use(n.id, { where: `Chart “${id}”`, file, field: fieldPath(t.path), ...parsed.locate(t.path) });
  }
  if (config && parsedConfig) {
    for (const list of ['keyFigures', 'shareCard'] as const)
      config[list].forEach((k, i) =>
        k.facts.forEach((id, j) =>
          use(id, {
            where: `${list === 'keyFigures' ? 'Key figure' : 'Share card figure'} ${i + 1}`,
            file: 'content/story.yaml',
            field: `${list}[${i}].facts[${j}]`,
            ...parsedConfig!.locate([list, i, 'facts', j]),
          }),
        ),
      );
    for (const t of templatesIn(config, []))
      for (const n of figureNames(t.text))
        use(n.id, { where: 'The story’s settings', file: 'content/story.yaml', field: fieldPath(t.path), ...parsedConfig.locate(t.path) });
  }
  const chartIds = new Set(Object.keys(charts));
  const chartUses = new Map<string, { where: string; file: string; line: number; column: number }[]>();
  for (const [file, { reading, subject }] of readings)
    for (const r of reading.references) {
      const place = { where: subject, file, line: r.line, column: r.column };
      if (r.tag === 'Fact') use(r.id, place);
      else {
        const chart = r.tag === 'Chart' ? r.id : r.chart;
        if (!chartIds.has(chart) && !chartFiles.has(chart)) chartUses.set(chart, [...(chartUses.get(chart) ?? []), place]);
      }
    }
  for (const [id, places] of uses) add(unknownFigure(id, places, options.before?.has(id) ?? false));
  for (const [id, places] of chartUses) add(unknownChart(id, places));
  // Derived figures cannot be computed from figures that do not exist.
  if ([...uses.values()].some((list) => list.some((u) => u.file.startsWith('data/')))) return { problems };
  // Each chart has its words in every edition.
  for (const [id, entry] of Object.entries(charts))
    for (const edition of editions)
      if (!entry[edition])
        add({
          rule: 'languages-in-step',
          subject: `Chart “${id}”`,
          problem: `the chart has no ${LANGUAGE[edition]} words`,
          fix: `Add an ${edition}: block with its title, takeaway, description and notes, as the ${LANGUAGE[editions[0]!]} words have`,
          file: parsedCharts.get(id)!.file,
        });

  // The figures themselves: derived figures computed, checks that hold, names in every edition. ------
  let story: Story;
  try {
    story = buildStory({ data, charts, config: config ?? ({ editions: ['zh'], keyFigures: [], shareCard: [] } as never) });
  } catch (e) {
    add(fromError(e, 'The figures', files, parsedData, parsedCharts));
    return { problems };
  }
  if (editions.includes('en')) englishNames(data, parsedData, add);
  if (problems.some((p) => p.rule === 'english-name' || p.rule === 'derived-check')) return { problems };

  // The words every page renders, in each edition: the story's, each chart's, the key figures'. A
  // chart or setting that names a missing figure was reported above, with every place that does.
  const named = (file: string) =>
    [...uses.values()].some((list) => list.some((u) => u.file === file)) || problems.some((p) => p.file === file);
  const built = new Set<string>();
  for (const id of story.chartIds) {
    if (named(parsedCharts.get(id)!.file)) continue;
    let ok = true;
    for (const edition of editions) {
      try {
        story.figure(id, edition);
      } catch (e) {
        add(fromError(e, `Chart “${id}”`, files, parsedData, parsedCharts));
        ok = false;
      }
    }
    if (ok) built.add(id);
  }
  if (config && !named('content/story.yaml'))
    for (const edition of editions) {
      try {
        story.rendered(edition);
      } catch (e) {
        add(fromError(e, `The story’s ${LANGUAGE[edition]} words`, files, parsedData, parsedCharts, parsedConfig));
      }
      for (const list of ['keyFigures', 'shareCard'] as const)
        config[list].forEach((k, i) => {
          try {
            keyFigureLabel(story, k, edition, `${list}[${i}]`);
          } catch (e) {
            const subject = `${list === 'keyFigures' ? 'Key figure' : 'Share card figure'} ${i + 1}`;
            add(fromError(e, subject, files, parsedData, parsedCharts, parsedConfig));
          }
        });
    }

  // Each edition's tags against the charts: each chart in its place, its steps in order. -------------
  for (const edition of editions) placements(story, built, edition, sections[edition], readings, add);
  for (const edition of editions) links(story, edition, sections[edition], pages[edition], readings, add);
  // Every chart's labels inside it and clear of each other; the English edition in English.
  for (const id of built) for (const edition of editions) chartLayout(story, id, edition, parsedCharts.get(id)!, add);
  if (config && editions.includes('en')) english(story, built, readings, parsedData, parsedCharts, parsedConfig, add);
  return problems.length || !config ? { problems } : { problems, story };
}

// Files -------------------------------------------------------------------------------------------

/** A file read and parsed, or undefined after adding its problem: size, invisible characters, nesting, syntax, texts. */
function parseFile(file: string, text: string, format: 'json' | 'yaml', subject: string, add: (p: Problem) => void): Parsed | undefined {
  const base = { subject, file };
  const over = fileOverLimits(text, format);
  if (over) {
    add({ ...base, ...over });
    return undefined;
  }
  let value: unknown;
  let locate: Parsed['locate'];
  if (format === 'json') {
    const errors: ParseError[] = [];
    value = parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    if (errors.length) {
      const e = errors[0]!;
      add({
        ...base,
        rule: 'json-syntax',
        problem: `the file is not valid JSON here (${printParseErrorCode(e.error)
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase()})`,
        fix: 'Check for a missing comma, quote or bracket just before this place',
        ...placeAt(text, e.offset),
      });
      return undefined;
    }
    try {
      value = JSON.parse(text);
    } catch {
      // jsonc-parser accepted it; JSON.parse agrees on every valid file.
    }
    const tree = parseTree(text);
    locate = (path) => (tree ? locateJson(text, path) : undefined);
  } else {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
      const p = error.linePos?.[0];
      add({
        ...base,
        rule: 'yaml-syntax',
        problem: `the file is not valid YAML here (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')})`,
        fix: 'Check the indentation, and put a text in quotes when it starts with { or holds “: ”',
        ...(p ? { line: p.line, column: p.col } : {}),
      });
      return undefined;
    }
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      add({
        ...base,
        rule: 'yaml-syntax',
        problem: `the file cannot be read (${(e as Error).message})`,
        fix: 'Remove its aliases (*name)',
      });
      return undefined;
    }
    locate = (path) => locateYaml(text, path);
  }
  const parsed = { file, text, value, locate };
  // Every text: visible characters only (escapes such as \u202e included), within its length.
  for (const t of stringsIn(value, [])) {
    const problem = invisibleIn(t.text)
      ? `the text holds ${invisibleIn(t.text)!.what}`
      : t.text.length > limits.textLength
        ? `the text is ${t.text.length} characters long, more than the ${limits.textLength} a text may have`
        : undefined;
    if (problem)
      add({
        ...base,
        rule: problem.includes('long') ? 'too-long' : 'invisible-character',
        problem,
        fix: problem.includes('long') ? 'Shorten it' : 'Delete it',
        field: fieldPath(t.path),
        ...locate(t.path),
      });
  }
  return parsed;
}

/** Every text in a parsed value, with its path. */
function stringsIn(v: unknown, path: (string | number)[]): { text: string; path: (string | number)[] }[] {
  if (typeof v === 'string') return [{ text: v, path }];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringsIn(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [...stringsIn(k, path), ...stringsIn(x, [...path, k])]);
  return [];
}

/** The templates of a chart's or the story's words: every text under the path, but ids and keys. */
function templatesIn(v: unknown, path: (string | number)[]): { text: string; path: (string | number)[] }[] {
  if (typeof v === 'string') return [{ text: v, path }];
  if (Array.isArray(v)) return v.flatMap((x, i) => templatesIn(x, [...path, i]));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) =>
      ['facts', 'editions', 'slug', 'published', 'namesWithDigits', 'keyFigures', 'shareCard'].includes(k) && path.length === 0
        ? k === 'keyFigures' || k === 'shareCard'
          ? (x as Record<string, unknown>[]).flatMap((item, i) =>
              editionCodes.flatMap((c) => (typeof item[c] === 'string' ? [{ text: item[c] as string, path: [k, i, c] }] : [])),
            )
          : []
        : templatesIn(x, [...path, k]),
    );
  return [];
}

/** The figure ids in a chart's `data`, found where its kind's schema takes a figure id. */
function factsIn(schema: z.ZodType, value: unknown, path: (string | number)[]): { id: string; path: (string | number)[] }[] {
  if (schema === (factId as z.ZodType)) return typeof value === 'string' ? [{ id: value, path }] : [];
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  switch (def['type']) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return factsIn(def['innerType'], value, path);
    case 'pipe':
      return factsIn(def['out'], value, path);
    case 'object':
      return value && typeof value === 'object'
        ? Object.entries(def['shape'] as Record<string, z.ZodType>).flatMap(([k, s]) =>
            factsIn(s, (value as Record<string, unknown>)[k], [...path, k]),
          )
        : [];
    case 'array':
      return Array.isArray(value) ? value.flatMap((x, i) => factsIn(def['element'], x, [...path, i])) : [];
    case 'record':
      return value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, x]) => factsIn(def['valueType'], x, [...path, k]))
        : [];
    default:
      return [];
  }
}

/** A parsed value checked against its schema: the value the schema gives, or undefined after adding a problem per issue. */
function validate(parsed: Parsed, schema: z.ZodType, subjectOf: (path: Path) => string, add: (p: Problem) => void): unknown {
  const result = schema.safeParse(parsed.value, { error: plainWords });
  if (result.success) return result.data;
  const issues = result.error.issues;
  for (const issue of issues) {
    // A discriminated union reports the issues of the branch it chose.
    const path = issue.path as (string | number)[];
    const field = fieldPath(path);
    const got = at(parsed.value, path);
    const base = { subject: subjectOf(path), file: parsed.file, field: field || undefined, ...parsed.locate(path) };
    const expected = issue.message.replace(/^expected /, '').replace(/, got .*$/, '');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `“${k}”`).join(', ');
      const missing = issues.find(
        (i) => i.code === 'invalid_type' && at(parsed.value, i.path) === undefined && fieldPath(i.path.slice(0, -1)) === field,
      );
      add({
        ...base,
        ...parsed.locate([...path, issue.keys[0]!]),
        rule: 'unknown-field',
        problem: `${!field ? 'the file has' : typeof path.at(-1) === 'number' ? 'it has' : `“${leafName(path)}” has`} ${issue.keys.length === 1 ? 'a field' : 'fields'} it does not take: ${keys}`,
        fix: missing ? `Is it a misspelling of “${leafName(missing.path)}”? Correct it` : 'Remove it, or correct its spelling',
      });
    } else if (got === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
      if (issues.some((i) => i.code === 'unrecognized_keys' && fieldPath(i.path) === fieldPath(path.slice(0, -1)))) continue;
      add({ ...base, rule: 'missing-field', problem: `“${leafName(path)}” is missing`, fix: `Add it; it should be ${expected}` });
    } else if (typeof got === 'number' && !Number.isFinite(got)) {
      add({ ...base, rule: 'too-large', problem: `“${leafName(path)}” is a number too large to store`, fix: 'Enter a smaller number' });
    } else if (issue.message.startsWith('expected')) {
      add({
        ...base,
        rule: 'invalid-value',
        problem: `“${leafName(path) || 'the file'}” is ${shown(got)}`,
        fix: `It should be ${expected.replace(/^(a|an|the|one|at|non-empty|text|true)\b/, '$1')}`,
      });
    } else {
      add({ ...base, rule: 'invalid-value', problem: `“${leafName(path)}” is ${shown(got)}: ${issue.message}`, fix: 'Correct it' });
    }
  }
  return undefined;
}

/** The subject of a place in a data file: the record or group by name, or the file. */
function dataSubject(parsed: Parsed, path: Path): string {
  const [list, i] = path;
  const item = typeof i === 'number' ? at(parsed.value, [list as string, i]) : undefined;
  if (item && typeof item === 'object') {
    const r = item as { id?: unknown; key?: unknown; label?: unknown };
    const id = typeof r.id === 'string' ? r.id : typeof r.key === 'string' ? r.key : undefined;
    const label = typeof r.label === 'string' ? r.label : undefined;
    const what = list === 'groups' ? 'Group' : list === 'checks' ? 'Check' : 'Record';
    if (label || id) return `${what} ${label ? quote(label) : ''}${label && id ? ' ' : ''}${id ? `(${id})` : ''} in ${parsed.file}`;
    return `${what} ${Number(i) + 1} of ${parsed.file}`;
  }
  return `The data file ${parsed.file}`;
}
function chartSubject(id: string, path: Path): string {
  const edition = path[0];
  return edition === 'zh' || edition === 'en' ? `Chart “${id}”, ${LANGUAGE[edition]} words` : `Chart “${id}”`;
}
function storySubject(path: Path): string {
  const [first, i] = path;
  if (first === 'keyFigures' && typeof i === 'number') return `Key figure ${i + 1}`;
  if (first === 'shareCard' && typeof i === 'number') return `Share card figure ${i + 1}`;
  if (first === 'zh' || first === 'en') return `The story’s ${LANGUAGE[first]} words`;
  return 'The story’s settings';
}

// Sections ------------------------------------------------------------------------------------------

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** A section or notes page: its front matter against its schema, its text against the rules of content. */
function readSection(file: string, text: string, kind: 'section' | 'page', edition: Edition, add: (p: Problem) => void): Reading {
  const schema = kind === 'section' ? sectionSchema : pageSchema;
  const front = FRONT.exec(text);
  let data: Record<string, unknown> | undefined;
  const fallback = kind === 'section' ? `Section ${file}` : `Data page notes (${LANGUAGE[edition]})`;
  const titled = (t: unknown) =>
    kind === 'section' && typeof t === 'string' && t.trim() ? `Section ${quote(t, 60)} (${LANGUAGE[edition]})` : fallback;
  if (!front) {
    add({
      rule: 'missing-field',
      subject: fallback,
      problem: 'the file has no front matter',
      fix: 'Start it with a block between two lines of ---, holding the fields a section needs (see EDITING.md)',
      file,
      line: 1,
      column: 1,
    });
  } else {
    const yaml = front[1]!;
    const parsed = parseFile(file, `${yaml}\n`, 'yaml', fallback, (p) => add(p.line ? { ...p, line: p.line + 1 } : p));
    if (parsed) {
      const located: Parsed = { ...parsed, locate: (path) => locateYaml(yaml, path, 1) };
      const subject = titled(at(parsed.value, ['title']));
      data = validate(located, schema, () => subject, add) as Record<string, unknown> | undefined;
    }
  }
  const subject = titled(data?.['title'] ?? (front ? at(safeYaml(front[1]!), ['title']) : undefined));
  const reading = readMdx(text, file, subject);
  for (const p of reading.problems) add(p);
  const unread = reading.problems.some((p) => ['too-large', 'too-deep', 'invisible-character', 'mdx-syntax'].includes(p.rule));
  return { reading, front: data, subject, unread };
}
const safeYaml = (text: string) => {
  try {
    return parseDocument(text).toJS();
  } catch {
    return undefined;
  }
};

/** An edition's sections: one order and one anchor each. */
function checkSections(edition: Edition, list: { file: string }[], readings: Map<string, Reading>, add: (p: Problem) => void) {
  for (const key of ['order', 'anchor'] as const) {
    const seen = new Map<unknown, string>();
    for (const { file } of list) {
      const r = readings.get(file);
      const v = r?.front?.[key];
      if (v === undefined) continue;
      const other = seen.get(v);
      if (other)
        add({
          rule: `repeated-${key}`,
          subject: r!.subject,
          problem: `its ${key} ${shown(v)} is also the ${key} of ${readings.get(other)?.subject ?? other} (${other})`,
          fix:
            key === 'order'
              ? 'Give each section its own order: they are shown by it'
              : 'Give each section its own anchor: it is the section’s address',
          file,
          field: key,
          line: 1,
          column: 1,
        });
      else seen.set(v, file);
    }
  }
  void edition;
}

/** What a tag names, for comparing two editions: a figure, a chart, a chart told in steps (whose steps are checked against the chart in each). */
const referenceKey = (r: Reference) =>
  r.tag === 'Fact' ? `the figure “${r.id}”` : r.tag === 'Chart' ? `the chart “${r.id}”` : `the chart told in steps “${r.chart}”`;

/** Two editions in step: the same sections, with the same order, anchor and covers, naming the same figures and charts. */
function inStep(
  first: Edition,
  other: Edition,
  sections: Record<Edition, { file: string; name: string }[]>,
  readings: Map<string, Reading>,
  known: (r: Reference) => boolean,
  add: (p: Problem) => void,
) {
  const names = (e: Edition) => new Set(sections[e].map((s) => s.name));
  for (const [a, b] of [
    [first, other],
    [other, first],
  ] as const)
    for (const s of sections[a])
      if (!names(b).has(s.name))
        add({
          rule: 'languages-in-step',
          subject: readings.get(s.file)?.subject ?? s.file,
          problem: `it has no ${LANGUAGE[b]} twin: content/${b}/${s.name}.mdx is missing`,
          fix: `Add the ${LANGUAGE[b]} section, with the same file name, order and anchor, or remove this one`,
          file: s.file,
        });
  for (const s of sections[other]) {
    const twin = `content/${first}/${s.name}.mdx`;
    const mine = readings.get(s.file);
    const theirs = readings.get(twin);
    if (!mine || !theirs) continue;
    for (const key of ['order', 'anchor', 'covers'] as const) {
      const a = mine.front?.[key];
      const b = theirs.front?.[key];
      if (a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b))
        add({
          rule: 'languages-in-step',
          subject: mine.subject,
          problem: `its ${key} is ${Array.isArray(a) ? a.join(', ') : shown(a)}, but the ${LANGUAGE[first]} section’s is ${Array.isArray(b) ? b.join(', ') : shown(b)}`,
          fix: `Keep the two languages in step: give both the same ${key}`,
          file: s.file,
          field: key,
          line: 1,
          column: 1,
        });
    }
    // A figure or chart that does not exist is reported where it is named; the two are compared once it is fixed.
    if (mine.unread || theirs.unread || ![...mine.reading.references, ...theirs.reading.references].every(known)) continue;
    const keys = (r: MdxReading) => new Set(r.references.filter(known).map(referenceKey));
    const here = keys(mine.reading);
    const there = keys(theirs.reading);
    for (const k of there)
      if (!here.has(k))
        add({
          rule: 'languages-in-step',
          subject: mine.subject,
          problem: `the ${LANGUAGE[first]} section names ${k}, this one does not`,
          fix: `Keep the two languages in step: name the same figures and charts in both (${twin})`,
          file: s.file,
        });
    for (const k of here)
      if (!there.has(k)) {
        const r = mine.reading.references.find((x) => known(x) && referenceKey(x) === k)!;
        add({
          rule: 'languages-in-step',
          subject: mine.subject,
          problem: `it names ${k}, the ${LANGUAGE[first]} section does not`,
          fix: `Keep the two languages in step: name the same figures and charts in both (${twin})`,
          file: s.file,
          line: r.line,
          column: r.column,
        });
      }
  }
}

/** Every fact of the source's list (F1 … Fn) is retold by a section, and no section names a fact the list lacks. */
function checkCovers(
  source: SourceFile | undefined,
  editions: Edition[],
  sections: Record<Edition, { file: string }[]>,
  readings: Map<string, Reading>,
  add: (p: Problem) => void,
) {
  const count = source?.report.facts;
  if (!count || !editions[0]) return;
  const edition = editions[0];
  const covered = new Set<number>();
  for (const { file } of sections[edition]) {
    const r = readings.get(file);
    for (const f of (r?.front?.['covers'] as string[] | undefined) ?? []) {
      const n = Number(f.slice(1));
      if (n > count)
        add({
          rule: 'covers',
          subject: r!.subject,
          problem: `it covers ${f}, but the source’s fact list ends at F${count}`,
          fix: `Name facts F1 to F${count} only`,
          file,
          field: 'covers',
          line: 1,
          column: 1,
        });
      covered.add(n);
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((n) => !covered.has(n));
  if (missing.length && sections[edition].length)
    add({
      rule: 'covers',
      subject: `The ${LANGUAGE[edition]} story`,
      problem: `no section covers ${missing.map((n) => `F${n}`).join(', ')} of the source’s fact list`,
      fix: 'Retell each fact in a section and list it under that section’s “covers”',
      file: sections[edition][0]!.file,
      field: 'covers',
    });
}

const YEAR = { zh: /^(19|20)\d\d$/, en: /^(19|20)\d\d$/ };
/** The words of the sections: no typed figures (a year may be typed), and officials given in reported speech. */
function checkProse(config: StoryConfig | undefined, readings: Map<string, Reading>, add: (p: Problem) => void) {
  const names = config?.namesWithDigits ?? [];
  for (const [file, { reading, subject }] of readings) {
    const role = roleOf(file);
    // The data page's notes explain the method in numbers of their own (report lines, rounding); sections tell the story in figures.
    if (role?.role !== 'section') continue;
    const edition = role.edition;
    for (const p of reading.paragraphs) {
      let text = p.text.replace(/\{[^{}]*\}/g, ' ');
      for (const n of names) text = text.replaceAll(n, ' ');
      for (const m of text.matchAll(/[0-9０-９]+(?:[.,][0-9０-９]+)*/g)) {
        const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
        const year = YEAR[edition].test(m[0]) && (edition === 'en' || after === '年');
        if (year) continue;
        add({
          rule: 'typed-number',
          subject,
          problem: `the text types the number ${quote(m[0])} instead of placing a figure`,
          fix: `Place the figure instead (<Fact id="…" />, in the editing screen + → Figure), so the page shows its value and its source; only a year may be typed${edition === 'zh' ? ' (2019年)' : ''}${names.length ? `, and the names ${names.map((n) => quote(n)).join(', ')}` : ''}`,
          file,
          line: p.line,
          column: p.column,
        });
        break;
      }
      if (edition === 'zh' && /负责人[^。]{0,12}[：:]\s*[“"]/.test(p.text))
        add({
          rule: 'quoted-official',
          subject,
          problem: 'it quotes an official word for word (负责人……：“……”)',
          fix: 'Give officials’ statements as reported speech, attributed: 负责人表示，……',
          file,
          line: p.line,
          column: p.column,
        });
    }
  }
}

/** An edition's charts: each placed once, a chart told in steps as a `<Scrolly>` whose steps name its states in order. */
function placements(
  story: Story,
  built: ReadonlySet<string>,
  edition: Edition,
  list: { file: string }[],
  readings: Map<string, Reading>,
  add: (p: Problem) => void,
) {
  const placed = new Map<string, { file: string; line: number; column: number }>();
  for (const { file } of list) {
    const r = readings.get(file);
    if (!r) continue;
    for (const ref of r.reading.references) {
      if (ref.tag === 'Fact') continue;
      const id = ref.tag === 'Chart' ? ref.id : ref.chart;
      if (!story.chartIds.includes(id)) continue;
      const base = { subject: r.subject, file, line: ref.line, column: ref.column };
      const before = placed.get(id);
      if (before)
        add({
          ...base,
          rule: 'chart-placed-twice',
          problem: `the chart “${id}” is placed a second time (first at ${before.file}:${before.line}:${before.column})`,
          fix: 'Place each chart once in each edition: its place is its address (#figure-…)',
        });
      placed.set(id, { file, line: ref.line, column: ref.column });
      if (!built.has(id)) continue;
      const states = (story.figure(id, edition).states ?? []).map((s) => s.key);
      if (ref.tag === 'Chart' && states.length)
        add({
          ...base,
          rule: 'steps',
          problem: `the chart “${id}” is told in steps (${states.join(', ')}) but placed with <Chart>`,
          fix: `Place it as <Scrolly chart="${id}"> with one <Step state="…"> for each of ${states.join(', ')}, in this order`,
        });
      if (ref.tag === 'Scrolly') {
        if (!states.length) {
          add({
            ...base,
            rule: 'steps',
            problem: `the chart “${id}” has no steps, but is placed as <Scrolly>`,
            fix: `Place it with <Chart id="${id}" /> instead`,
          });
          continue;
        }
        const expected = `one <Step> for each of ${states.join(', ')}, in this order`;
        const seen = new Set<string>();
        let last = -1;
        for (const step of ref.steps) {
          const index = states.indexOf(step.state);
          const stepBase = { ...base, line: step.line, column: step.column, rule: 'steps' };
          const tag = `<Step state="${step.state}">`;
          if (index < 0) add({ ...stepBase, problem: `${tag}: the chart “${id}” has no such state`, fix: `Give the chart ${expected}` });
          else if (seen.has(step.state)) add({ ...stepBase, problem: `${tag} repeats a state`, fix: `Give the chart ${expected}` });
          else if (index < last) add({ ...stepBase, problem: `${tag} is out of order`, fix: `Give the chart ${expected}` });
          if (index >= 0) seen.add(step.state);
          last = Math.max(last, index);
        }
        const missing = states.filter((s) => !seen.has(s));
        if (missing.length)
          add({
            ...base,
            rule: 'steps',
            problem: `<Scrolly chart="${id}"> has no step for ${missing.map((s) => `“${s}”`).join(', ')}`,
            fix: `Give the chart ${expected}`,
          });
      }
    }
  }
  const unread = list.some(({ file }) => readings.get(file)?.unread);
  for (const id of story.chartIds)
    if (!placed.has(id) && list.length && !unread)
      add({
        rule: 'chart-not-placed',
        subject: `Chart “${id}”`,
        problem: `the ${LANGUAGE[edition]} story does not place it`,
        fix: `Place it in a ${LANGUAGE[edition]} section with <Chart id="${id}" /> (or <Scrolly> for a chart told in steps), or remove content/charts/${id}.yaml`,
        file: list[0]!.file,
      });
}

/** Every link to a place on the page goes to one that exists: a section, a placed chart; on the data page, a figure, a dataset or a part of it. */
function links(
  story: Story,
  edition: Edition,
  sectionList: { file: string }[],
  pageList: { file: string }[],
  readings: Map<string, Reading>,
  add: (p: Problem) => void,
) {
  const onStory = new Set<string>(['story', 'toc-title']);
  for (const { file } of sectionList) {
    const r = readings.get(file);
    if (typeof r?.front?.['anchor'] === 'string') onStory.add(r.front['anchor']);
    for (const ref of r?.reading.references ?? [])
      if (ref.tag !== 'Fact') onStory.add(`figure-${ref.tag === 'Chart' ? ref.id : ref.chart}`);
  }
  const onData = new Set<string>(['story', 'downloads', 'report', 'derived', ...story.datasetNames.map((n) => `dataset-${n}`)]);
  for (const id of story.facts.keys()) onData.add(factAnchor(id));
  for (const [list, known, page] of [
    [sectionList, onStory, 'the story'],
    [pageList, onData, 'the data page'],
  ] as const)
    for (const { file } of list) {
      const r = readings.get(file);
      for (const a of r?.reading.anchors ?? [])
        if (!known.has(a.anchor))
          add({
            rule: 'broken-link',
            subject: r!.subject,
            problem: `a link goes to #${a.anchor}, which is no place on ${page}`,
            fix: `Link to ${page === 'the story' ? 'a section by its anchor, or a chart as #figure-<its id>' : 'a figure as #fact-<its id, dots as hyphens>, or a dataset as #dataset-<its name>'}`,
            file,
            line: a.line,
            column: a.column,
          });
    }
  void edition;
}

// What a reader sees --------------------------------------------------------------------------------

/** A chart's markup on a server DOM, for a chart not drawn in this process. */
const parseSvg = (markup: string) =>
  parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelector('svg') as unknown as SVGSVGElement;

/** A chart's labels at every width, in every state and view: each inside the chart, none over another. */
function chartLayout(story: Story, id: string, edition: Edition, parsed: Parsed, add: (p: Problem) => void) {
  const f = story.figure(id, edition);
  const sets = [
    { where: '', svgs: f.svg },
    ...(f.states ?? []).map((s) => ({ where: ` (step ${s.key})`, svgs: s.svg })),
    ...(f.modes ?? []).flatMap((m) => [
      { where: ` (view ${m.key})`, svgs: m.svg },
      ...(m.states ?? []).map((s) => ({ where: ` (view ${m.key}, step ${s.key})`, svgs: s.svg })),
    ]),
  ];
  const base = { subject: `Chart “${id}”, ${LANGUAGE[edition]} words`, file: parsed.file, ...parsed.locate([edition]), field: edition };
  const fix =
    'Shorten the words the label is made of (a word of the chart, or a record’s "short" name in data/); a number the chart draws that does not fit is a figure this kind of chart cannot show at this width: ask a developer';
  for (const { where, svgs } of sets)
    for (const markup of Object.values(svgs)) {
      const { width, height, labels } = layoutOf(markup, parseSvg);
      for (const t of labels) {
        const edge = t.left < 0 ? 'left' : t.right > width ? 'right' : t.top < 0 ? 'top' : t.bottom > height ? 'bottom' : undefined;
        if (edge)
          add({
            ...base,
            rule: 'label-overflow',
            problem: `the label ${quote(t.text, 60)} runs past the ${edge} edge of the chart ${width} px wide${where}`,
            fix,
          });
      }
      for (const [a, b] of overlappingLabels(labels))
        add({
          ...base,
          rule: 'label-overlap',
          problem: `the labels ${quote(a.text)} and ${quote(b.text)} overlap in the chart ${width} px wide${where}`,
          fix,
        });
    }
}

/** The English edition in English: no Chinese outside brackets, no Chinese punctuation, a capital at the start of a chart's sentences. */
function english(
  story: Story,
  built: ReadonlySet<string>,
  readings: Map<string, Reading>,
  data: Map<string, Parsed>,
  charts: Map<string, Parsed>,
  config: Parsed | undefined,
  add: (p: Problem) => void,
) {
  const look = (text: string, at: Omit<Problem, 'rule' | 'problem' | 'fix'>, opening = false) => {
    const han = chineseOutsideBrackets(text)[0];
    if (han)
      add({
        ...at,
        rule: 'english-chinese',
        problem: `the English text holds Chinese outside brackets: ${quote(han.trim(), 50)}`,
        fix: 'Translate it; the report’s own term may follow its English name in brackets, as “electronic information (电子信息)”',
      });
    const punctuation = strayFullWidth(text)[0];
    if (punctuation)
      add({
        ...at,
        rule: 'english-punctuation',
        problem: `the English text uses Chinese punctuation: ${quote(punctuation.trim(), 50)}`,
        fix: 'Use English punctuation (, . : ; ( ) “ ”); Chinese punctuation belongs to Chinese in brackets only',
      });
    if (opening && opensLowercase(text))
      add({
        ...at,
        rule: 'english-capital',
        problem: `it opens with a small letter: ${quote(text, 40)}`,
        fix: 'Start it with a capital letter',
      });
  };
  // Sections and the data page's notes: their front matter and their text.
  for (const [file, r] of readings) {
    const role = roleOf(file);
    if (!role || !('edition' in role) || role.edition !== 'en') continue;
    for (const key of ['kicker', 'title', 'summary'] as const) {
      const v = r.front?.[key];
      if (typeof v === 'string') look(v, { subject: r.subject, file, field: key, line: 1, column: 1 });
    }
    for (const p of r.reading.paragraphs) look(p.text, { subject: r.subject, file, line: p.line, column: p.column });
  }
  // The story's words and the key figures' labels.
  if (config) {
    const words = story.rendered('en');
    for (const [key, value] of Object.entries(words))
      look(typeof value === 'string' ? value : plain(value), {
        subject: 'The story’s English words',
        file: config.file,
        field: `en.${key}`,
        ...config.locate(['en', key]),
      });
    for (const list of ['keyFigures', 'shareCard'] as const)
      story.config[list].forEach((k, i) => {
        if (k.en)
          look(k.en, { subject: storySubject([list, i]), file: config.file, field: `${list}[${i}].en`, ...config.locate([list, i, 'en']) });
      });
  }
  // Each chart's words as the page shows them, and the words drawn in it.
  for (const id of built) {
    const parsed = charts.get(id)!;
    const f = story.figure(id, 'en');
    const at = (field: string) => ({
      subject: `Chart “${id}”, English words`,
      file: parsed.file,
      field: `en.${field}`,
      ...parsed.locate(['en', field]),
    });
    look(f.title, at('title'), true);
    look(plain(f.takeaway), at('takeaway'), true);
    look(f.description, at('description'), true);
    f.notes.forEach((n, i) => look(plain(n), { ...at('notes'), field: `en.notes[${i}]`, ...parsed.locate(['en', 'notes', i]) }, true));
    const drawn = [f.svg, ...(f.modes ?? []).map((m) => m.svg)].map((s) => s.wide.replace(/<[^>]*>/g, ' ')).join(' ');
    const han = /.{0,20}\p{Script=Han}+.{0,20}/u.exec(drawn.replace(/\s+/g, ' '))?.[0];
    if (han)
      add({
        ...at('title'),
        field: 'en',
        rule: 'english-chinese',
        problem: `the English chart shows Chinese: ${quote(han.trim(), 50)}`,
        fix: 'Give the words of the chart, or the records it draws, their English',
      });
  }
  // The data's English names, notes and descriptions.
  for (const parsed of data.values())
    for (const t of stringsIn(parsed.value, []))
      if (t.path.includes('en') && typeof t.path.at(-1) === 'string' && t.path.at(-1) !== 'en')
        look(t.text, { subject: dataSubject(parsed, t.path), file: parsed.file, field: fieldPath(t.path), ...parsed.locate(t.path) });
}

// Figures and charts that do not exist --------------------------------------------------------------

type Use = { where: string; file: string; field?: string; line?: number; column?: number };
const listUses = (uses: Use[]) =>
  uses.map((u) => `${u.where} (${u.file}${u.line ? `:${u.line}:${u.column}` : ''}${u.field ? `, ${u.field}` : ''})`).join('; ');

function unknownFigure(id: string, uses: Use[], removed: boolean): Problem {
  const first = uses[0]!;
  const n = uses.length;
  return {
    rule: 'unknown-fact',
    subject: `Figure “${id}”`,
    problem: `${removed ? 'it was removed from data/, but' : 'it does not exist, but'} ${n === 1 ? 'one place uses' : `${n} places use`} it: ${listUses(uses)}`,
    fix: removed
      ? 'Put the record back, or first change each of these places to another figure'
      : 'Correct the id, or pick an existing figure (the editing screen lists them, and so does the data page)',
    file: first.file,
    field: first.field,
    line: first.line,
    column: first.column,
  };
}

function unknownChart(id: string, uses: Use[]): Problem {
  const first = uses[0]!;
  return {
    rule: 'unknown-chart',
    subject: `Chart “${id}”`,
    problem: `it does not exist, but ${uses.length === 1 ? 'one place places' : `${uses.length} places place`} it: ${listUses(uses)}`,
    fix: `Correct the id (the charts are the files in content/charts/), or add content/charts/${id}.yaml`,
    file: first.file,
    line: first.line,
    column: first.column,
  };
}

/** The data in an English edition: every record, group and derived figure named, every note translated. */
function englishNames(data: DataFiles, parsed: Map<string, Parsed>, add: (p: Problem) => void) {
  const need = (name: string, path: (string | number)[], what: string, fix: string) => {
    const p = parsed.get(name)!;
    add({
      rule: 'english-name',
      subject: path.length > 1 ? dataSubject(p, path) : `The data file ${p.file}`,
      problem: what,
      fix,
      file: p.file,
      field: fieldPath(path),
      ...p.locate(path.slice(0, -1)),
    });
  };
  for (const [name, d] of Object.entries(data.datasets)) {
    if (!d.en) need(name, ['en'], 'the file has no English title and description', 'Add "en": { "title": …, "description": … }');
    d.groups?.forEach((g, i) => {
      if (!g.en)
        need(name, ['groups', i, 'en'], 'the group has no English name', `Add "en": { "label": … }, the English for ${quote(g.label)}`);
      else if (g.description && !g.en.description)
        need(
          name,
          ['groups', i, 'en', 'description'],
          'the group’s description has no English',
          `Add the English for ${quote(g.description)}`,
        );
    });
    d.records.forEach((r, i) => {
      if (!r.en)
        need(name, ['records', i, 'en'], 'the record has no English name', `Add "en": { "label": … }, the English for ${quote(r.label)}`);
      else if (r.note && !r.en.note)
        need(name, ['records', i, 'en', 'note'], 'the record’s note has no English', `Add the English for ${quote(r.note)}`);
    });
  }
  const report = data.source.report;
  if (!report.en) need('source', ['report', 'en'], 'the report has no English title and context', 'Add "en": { "title": …, "context": … }');
  report.sections.forEach((s, i) => {
    if (!s.en)
      need('source', ['report', 'sections', i, 'en'], `the report’s section ${quote(s.title)} has no English title`, 'Add "en": "…"');
  });
  data.derived.records.forEach((r, i) => {
    if (!r.en)
      need('derived', ['records', i, 'en'], 'the derived figure has no English name and formula', 'Add "en": { "label": …, "formula": … }');
  });
}

/** An error from building the story ("file: field: message"), as a problem. */
function fromError(
  e: unknown,
  subject: string,
  files: StoryFiles,
  data: Map<string, Parsed>,
  charts: Map<string, Parsed>,
  config?: Parsed,
): Problem {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^((?:data|content)\/[^:\s]+): (?:([A-Za-z][\w.[\]-]*): )?([\s\S]*)$/.exec(message);
  if (!m) return { rule: 'build', subject, problem: message, fix: 'Correct the file this names', file: [...files.keys()][0] ?? '' };
  const [, file = '', field, rest = ''] = m;
  const role = roleOf(file);
  const parsed =
    role?.role === 'data'
      ? data.get(role.name)
      : role?.role === 'chart'
        ? charts.get(role.name)
        : role?.role === 'story'
          ? config
          : undefined;
  const path = field
    ? field
        .split(/\.|\[(\d+)\]/)
        .filter(Boolean)
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
    : [];
  const unknownName = /^unknown name "\{([^}]*)\}"/.exec(rest);
  if (field && /^checks\[\d+\]$/.test(field))
    return {
      rule: 'derived-check',
      subject: `A rule of data/derived.json (${field})`,
      problem: `the figures break it: ${rest}`,
      fix: 'Check the figures you changed; if they are right, reword the sentences this rule guards, then change the rule',
      file,
      field,
      ...(parsed ? parsed.locate(path) : {}),
    };
  const template = /^(is not a valid template|cannot be rendered) \(([^)]*)\)/.exec(rest);
  return {
    rule: unknownName ? 'unknown-name' : template ? 'template' : 'build',
    subject: parsed && role?.role === 'data' ? dataSubject(parsed, path) : subject,
    problem: unknownName
      ? `the words name {${unknownName[1]}}, which is neither a figure nor a value this chart offers`
      : template
        ? `the words cannot be read as a template (${template[2]})`
        : sentenceCase(rest.replace(/^expected /, 'it should be ')),
    fix: unknownName
      ? 'Check the spelling; the values a chart offers are named at the top of its kind in src/kinds/, the figures on the data page'
      : template
        ? "Check the braces: {id} places a figure, and a brace meant as text is written in quotes, as '{'"
        : 'Correct it in this file',
    file,
    field,
    ...(parsed ? parsed.locate(path) : {}),
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { chartEntry, kinds } from '../kinds/index.ts';
import { editionCodes, type Locale } from '../lib/format.ts';
import { recordKindFor, reservedFiles, type RecordKind } from '../lib/schema.ts';
import { readStoryFiles, roleOf } from '../story/files.ts';
import { storyFromDisk } from '../story/load.ts';

/** What the editing screen lists and picks from, read from the story's files when the screen loads. */
export interface EditorModel {
  editions: Locale[];
  /** Figures to pick for `<Fact>` and key figures, per edition: the id, with its name and value as the page shows them. */
  facts: Record<string, { value: string; name: string; label: string; shown: string }[]>;
  /** Charts to pick for `<Chart>` and `<Scrolly>`, with their kind, the states their steps name, their titles per edition. */
  charts: { id: string; kind: string; states: string[]; titles: Record<string, string> }[];
  /** Files of data/: the datasets (by name, with the shape of their records), the report, the derived figures. */
  data: {
    name: string;
    file: string;
    role: 'dataset' | 'source' | 'derived';
    records?: RecordKind | undefined;
    /** The keys of the file's groups, which its records name. */
    groups?: string[] | undefined;
  }[];
  /** Why the story on disk does not build, when it does not: the screen still opens, to fix it. */
  problem?: string | undefined;
}

/** A file's parsed JSON or YAML, or undefined when it cannot be read: the screen opens on a broken story too. */
function readData(path: string): any {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const asList = (v: unknown): any[] => (Array.isArray(v) ? v : []);

/** The names of the story's files of one role, sorted: what the build reads. */
const namesOf = (root: string, role: 'data' | 'chart') =>
  [...readStoryFiles(root).keys()].flatMap((p) => (roleOf(p)?.role === role ? [p.slice(p.lastIndexOf('/') + 1)] : []));

export function editorModel(root: string): EditorModel {
  const data = namesOf(root, 'data').map((file) => {
    const role =
      file === reservedFiles.source ? ('source' as const) : file === reservedFiles.derived ? ('derived' as const) : ('dataset' as const);
    // A dataset that cannot be read has no known shape: the screen leaves it to be fixed in the file.
    const json = role === 'dataset' ? readData(join(root, 'data', file)) : undefined;
    const records = json === undefined ? undefined : recordKindFor(json.records);
    const groups = asList(json?.groups)
      .map((g) => g?.key)
      .filter((k): k is string => typeof k === 'string');
    return { name: file.replace(/\.json$/, ''), file, role, records, groups };
  });
  const chartFiles = namesOf(root, 'chart').map((file) => ({
    id: file.replace(/\.ya?ml$/, ''),
    entry: readData(join(root, 'content/charts', file)),
  }));
  try {
    const story = storyFromDisk(root);
    const editions = story.editions as Locale[];
    return {
      editions,
      facts: Object.fromEntries(
        editions.map((locale) => [
          locale,
          [...story.facts.values()].map((f) => {
            const shown = story.show(f.id, locale, true);
            const name = story.name(f, locale);
            // A name without a figure (an industry) reads once.
            return { value: f.id, name, label: `${name === shown ? name : `${name} · ${shown}`} (${f.id})`, shown };
          }),
        ]),
      ),
      charts: chartFiles.map(({ id, entry }) => ({
        id,
        kind: String(entry?.kind ?? ''),
        states: (story.figure(id, editions[0]!).states ?? []).map((s: { key: string }) => s.key),
        titles: Object.fromEntries(editions.map((l) => [l, story.figure(id, l).title])),
      })),
      data,
    };
  } catch (e) {
    // The files do not build (an edit made outside the screen, say). The screen opens with
    // what the files list as they are, and a save shows the build's message until it is fixed.
    const config = readData(join(root, 'content/story.yaml'));
    const editions = asList(config?.editions).filter((c): c is Locale => (editionCodes as readonly string[]).includes(c));
    const records = data.flatMap((d) => asList(readData(join(root, 'data', d.file))?.records));
    const facts = records
      .filter((r) => typeof r?.id === 'string')
      .map((r) => ({
        value: r.id as string,
        name: String(r.label ?? r.id),
        label: `${String(r.label ?? '')} (${r.id})`,
        shown: r.id as string,
      }));
    return {
      editions: editions.length ? editions : [editionCodes[0]],
      facts: Object.fromEntries(editionCodes.map((l) => [l, facts])),
      charts: chartFiles.map(({ id, entry }) => {
        // The states the chart's kind declares, from what it binds and the years of the records that can be read.
        const parsed = chartEntry.safeParse(entry) as { success: boolean; data?: { kind: string; data: never } };
        const year = (fid: string) => records.find((r) => r?.id === fid)?.year as number | undefined;
        const steps = parsed.data ? (kinds.get(parsed.data.kind)?.steps?.(parsed.data.data, year) ?? []) : [];
        return {
          id,
          kind: String(entry?.kind ?? ''),
          states: steps,
          titles: Object.fromEntries(editionCodes.map((l) => [l, String(entry?.[l]?.title ?? id)])),
        };
      }),
      data,
      problem: e instanceof Error ? e.message : String(e),
    };
  }
}

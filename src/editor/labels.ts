import type { Labels } from './fields.tsx';

/**
 * How the editing screen names the fields of the story's files, by key (the screen's own
 * interface strings, in English like the rest of Keystatic's). Where a key is not listed, the
 * screen shows the key itself, as the file has it.
 */
export const labels: Labels = {
  order: { label: 'Order', description: 'Where the section stands in the story: 0 first.' },
  anchor: { label: 'Anchor', description: 'The section’s address in the page (#anchor): lowercase letters, digits, hyphens.' },
  kicker: 'Kicker',
  title: 'Title',
  summary: 'Summary',
  covers: { label: 'Facts covered', description: 'Ids of the report’s facts (facts.md) this section retells, such as F12.' },
  'covers[]': 'Fact (F…)',
  'records[]': 'Record',
  'groups[]': 'Group',
  'keyFigures[]': 'Key figure',
  'shareCard[]': 'Figure on the share card',
  'authors[]': 'Author',
  'tags[]': 'Tag',
  'sections[]': 'Report section',
  'checks[]': 'Check',
  report: 'Report',
  authors: 'Authors',
  tags: 'Tags',
  sections: 'Report sections',
  subtitle: 'Subtitle',
  context: 'Where and when it appeared',
  role: 'Role',
  from: 'From line',
  to: 'To line',
  id: { label: 'Id', description: 'The figure’s id, as sections and charts name it; changing it breaks their references.' },
  label: 'Name',
  short: { label: 'Short name', description: 'For charts, where the name is long.' },
  value: 'Value',
  unit: 'Unit',
  year: 'Year',
  date: { label: 'Date', description: 'YYYY or YYYY-MM.' },
  source: { label: 'Report line', description: 'Where the report gives it, such as L12 (the 12th non-empty line).' },
  note: 'Note',
  group: { label: 'Group', description: 'The key of one of this file’s groups.' },
  qualifier: { label: 'Qualifier', description: '“over”: the report gives a lower bound.' },
  stage: 'Stage',
  kind: { label: 'Kind', description: '“change”: a growth rate.' },
  counts: { label: 'Counts', description: '“groups”: the value is the number of groups this file lists; the build checks it.' },
  en: 'English',
  description: 'Description',
  groups: 'Groups',
  records: 'Records',
  key: 'Key',
  unlisted: { label: 'Unlisted', description: 'The report names the group but lists none of its members.' },
  takeaway: 'Takeaway',
  notes: 'Notes',
  'notes[]': 'Note',
  published: { label: 'Published', description: 'When this site first published the story (YYYY-MM-DD).' },
  keyFigures: { label: 'Key figures', description: 'The figures under the headline, in order.' },
  shareCard: { label: 'Share card', description: 'The figures on the share image, at most four.' },
  facts: { label: 'Figures', description: 'One figure, or two shown as “a → b”.' },
  'facts[]': 'Figure',
  signed: { label: 'Show the sign', description: 'A change reads with its sign, as +15.6%.' },
  zh: 'Chinese',
  name: 'Name',
  dek: 'Dek',
  byline: 'Byline',
  sourceNote: 'Source note',
  dataDescription: 'Data page description',
  formula: 'Formula (in words)',
  compute: 'Formula (math.js)',
  inputs: 'Inputs',
  digits: 'Decimal places',
  checks: 'Checks',
  holds: 'Must hold (math.js)',
  message: 'Message when it fails',
  bars: { label: 'Bar labels', description: 'The label under each bar, by the bar’s key.' },
  legend: 'Legend',
  views: { label: 'View buttons', description: 'The names of the chart’s two views.' },
  share: { label: 'Share view', description: 'The words of the view that shows each bar as 100%.' },
  whole: { label: 'Whole (100%)', description: 'The tooltip label of each bar’s whole, by the bar’s key.' },
  missing: { label: 'Not given', description: 'Shown where a bar’s share is not given.' },
  missingLabel: { label: 'Label of a missing share', description: 'By the bar’s key.' },
  missingSource: { label: 'Source of a missing share', description: 'Shown as the source where a share is not given.' },
  part: 'Part',
  rest: 'Rest',
  derived: 'Derived',
  amount: 'Amount',
  heading: 'Heading',
  unlistedHeading: 'Heading of the unlisted group',
};

/** Keys whose text is long enough for a text area. */
export const multiline: ReadonlySet<string> = new Set([
  'summary',
  'description',
  'takeaway',
  'notes[]',
  'note',
  'dek',
  'sourceNote',
  'dataDescription',
  'byline',
  'context',
  'formula',
]);

/** The order a record's fields are shown in: what it is, its figure, then where it comes from. */
export const order: readonly string[] = [
  'id',
  'label',
  'short',
  'value',
  'unit',
  'year',
  'date',
  'qualifier',
  'stage',
  'kind',
  'counts',
  'group',
  'source',
  'note',
];

/** Groups shown last, in this order: the words of each edition. */
export const last: readonly string[] = ['zh', 'en'];

/**
 * How an item reads in its list, by the list's key: a record by its id and name, a key figure
 * by its figures (named by `factName`); other lists' items by their text.
 */
export function itemNames(factName: (id: string) => string | undefined) {
  return (key: string): ((v: any) => string) | undefined => {
    const named =
      (...keys: string[]) =>
      (v: any) =>
        keys
          .map((k) => v?.[k])
          .filter(Boolean)
          .join(' · ') || 'New item';
    if (key === 'records') return named('id', 'label');
    if (key === 'groups' || key === 'sections') return named('key', 'label', 'title');
    if (key === 'keyFigures' || key === 'shareCard')
      return (v) => (v.facts ?? []).map((id: string) => `${factName(id) ?? id} (${id})`).join(' → ') || 'New figure';
    if (key === 'facts[]' || key === 'facts') return (v) => (typeof v === 'string' && v ? `${factName(v) ?? v} (${v})` : 'Choose a figure');
    if (key === 'authors') return named('name');
    if (key === 'tags') return named('label');
    if (key === 'checks') return named('message');
    return undefined;
  };
}

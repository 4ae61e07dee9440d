import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

type Rec = { id: string; value?: number; unit?: string; kind?: string };

/** A rate of the story in `storyRoot` that no derived figure or rule reads, and its data file: the record the browser tests edit. */
export function aRate(storyRoot: string) {
  const derived = readFileSync(join(storyRoot, 'data/derived.json'), 'utf8');
  const names = readdirSync(join(storyRoot, 'data')).filter((n) => n.endsWith('.json') && !/^(source|derived)\.json$/.test(n));
  for (const n of names) {
    const json = JSON.parse(readFileSync(join(storyRoot, 'data', n), 'utf8')) as { records: Rec[]; groups?: { key: string }[] };
    const record = json.records.find((r) => r.unit === '%' && !r.kind && !derived.includes(`"${r.id}"`));
    if (record)
      return { file: n.replace(/\.json$/, ''), path: `data/${n}`, record, index: json.records.indexOf(record), groups: json.groups ?? [] };
  }
  throw new Error('the story has no rate to edit');
}

/** A value near a rate's own, still a rate: the edit the browser tests make. */
export const nudged = (value: number) => Math.round((value >= 50 ? value - 0.5 : value + 0.5) * 100) / 100;

/** Opens a data file's entry in the editing screen and one record's dialog in it. */
export async function openRecord(page: Page, origin: string, file: string, id: string) {
  await page.goto(`${origin}/keystatic/singleton/data-${file}`);
  await page.getByText(new RegExp(`^${id.replaceAll('.', '\\.')} · `)).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: 120_000 });
  return dialog;
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, validateData } from '../../src/lib/validate.ts';
import { readDataDir, root } from '../helpers.ts';

const fixtures = join(root, 'tests/fixtures/broken-data');

/** Each broken fixture replaces (or adds) one file of the real data; the error it must give. */
const expected: Record<string, { file: string; field: string; message: RegExp }> = {
  'malformed-json': { file: 'data/output.json', field: '', message: /is not valid JSON at line 5, column \d+/ },
  'wrong-type': { file: 'data/output.json', field: 'records[0].value', message: /expected a number/ },
  'missing-field': { file: 'data/rankings.json', field: 'records[0].source', message: /missing; expected a report line such as "L12"/ },
  'rate-over-100': {
    file: 'data/environment.json',
    field: 'records[0].value',
    message: /expected a rate between 0 and 100 \(%\), got 105/,
  },
  'negative-rate': {
    file: 'data/environment.json',
    field: 'records[0].value',
    message: /expected a rate between 0 and 100 \(%\), got -31.67/,
  },
  'duplicate-id': {
    file: 'data/output.json',
    field: 'records[1].id',
    message: /"output.total.2019" is already used in data\/cleanup.json/,
  },
  'unknown-unit': { file: 'data/sewage.json', field: 'records[0].unit', message: /expected one of the units 亿元, %, 家/ },
  'bad-source': { file: 'data/projects.json', field: 'records[0].source', message: /expected a report line such as "L12", got "第34段"/ },
  'misspelt-field': {
    file: 'data/milestones.json',
    field: 'records[1].date',
    message: /missing; .* \(found unexpected field "data": misspelt\?\)/,
  },
  'bad-date': { file: 'data/milestones.json', field: 'records[0].date', message: /expected a date "YYYY" or "YYYY-MM", got "2002年4月"/ },
  'fractional-rank': { file: 'data/rankings.json', field: 'records[0].value', message: /expected a whole number for unit 名, got 35.5/ },
  // Any file in data/ is a dataset; this one has no records.
  'unknown-file': { file: 'data/population.json', field: 'records', message: /expected at least one record/ },
  'reserved-id': { file: 'data/cleanup.json', field: 'records[0].id', message: /expected an id not starting with "derived\."/ },
};

function validateWith(fixture: string) {
  return validateData({ ...readDataDir(), ...readDataDir(join(fixtures, fixture)) });
}

describe('data validation', () => {
  it('accepts the real data files', () => {
    const data = validateData(readDataDir());
    expect(data.datasets['output']!.records.find((r) => r.id === 'output.total.2019')).toMatchObject({ value: 208.8 });
    expect(data.datasets['environment']!.records).toHaveLength(10);
    expect(data.derived.records.length).toBeGreaterThan(0);
  });

  it('has an expectation for every broken fixture', () => {
    expect(readdirSync(fixtures).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [fixture, want] of Object.entries(expected)) {
    it(`rejects ${fixture} naming ${want.file} ${want.field}`, () => {
      let error: unknown;
      try {
        validateWith(fixture);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataError);
      const e = error as DataError;
      expect(e.file).toBe(want.file);
      expect(e.field).toBe(want.field);
      expect(e.message).toMatch(want.message);
      expect(e.message.startsWith(`${want.file}: `)).toBe(true);
    });
  }

  it('names the source report when it is missing', () => {
    const files = readDataDir();
    delete files['source.json'];
    expect(() => validateData(files)).toThrow('data/source.json: is missing');
  });

  it('refuses a record in a group the file does not list, and a count that disagrees with the groups', () => {
    const files = readDataDir();
    const env = files['environment.json']!.replace('"group": "air"', '"group": "noise"');
    expect(() => validateData({ ...files, 'environment.json': env })).toThrow(
      /data\/environment.json: records\[\d\]\.group: expected one of the groups listed in this file \(water, waste, air\), got "noise"/,
    );
    const cleanup = files['cleanup.json']!.replace('"value": 3,', '"value": 4,');
    expect(() => validateData({ ...files, 'cleanup.json': cleanup })).toThrow(
      'data/cleanup.json: records[0].value: expected 3, the number of groups this file lists (the record says "counts": "groups"), got 4',
    );
  });
});

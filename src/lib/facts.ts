import type { Datasets, Measure } from './schema.ts';
import { DataError } from './validate.ts';

export type FactUnit = Measure['unit'] | '位' | '年';

/** One figure the site can show: reported (with its report line) or derived (with its formula). */
export interface Fact {
  id: string;
  label: string;
  value: number;
  unit: FactUnit;
  /** Decimal places to show; reported figures keep the precision the report gives. */
  digits: number;
  qualifier?: 'over';
  year?: number;
  /** Report line ("L12") of a reported figure. */
  source?: string;
  /** How a derived figure is computed from reported ones. */
  derived?: { formula: string; inputs: string[] };
}

/** A dated event, shown as a date ("2002年4月"). */
export interface DateFact {
  id: string;
  label: string;
  date: string;
  source: string;
}

export type AnyFact = Fact | DateFact;
export const isDateFact = (f: AnyFact): f is DateFact => 'date' in f;

const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;

const measureFiles = ['output.json', 'rankings.json', 'environment.json', 'sewage.json', 'cleanup.json', 'projects.json'] as const;

/** The arithmetic of facts.md's "Derived" table, each with its formula (D1–D8). */
export function derive(get: (id: string) => Fact): Fact[] {
  const total = get('output.total.2019');
  const growth = get('output.growth.2019');
  const hightech = get('output.hightech.2019');
  const enterprises = get('output.enterprises.2019');
  const phase1 = get('sewage.capacity.phase1');
  const phase2 = get('sewage.capacity.phase2');
  const rank2018 = get('ranking.2018');
  const rank2019 = get('ranking.2019');
  // Figures that must agree with each other; single-file schemas cannot see these.
  if (hightech.value > total.value) {
    throw new DataError(
      'data/output.json',
      hightech.id,
      `expected the high-tech output (${hightech.value}) to be at most the total output ${total.id} (${total.value})`,
    );
  }
  if (phase1.value <= 0) throw new DataError('data/sewage.json', phase1.id, `expected a capacity above 0, got ${phase1.value}`);
  const implied2018 = total.value / (1 + growth.value / 100);
  const d = (id: string, label: string, value: number, unit: FactUnit, digits: number, formula: string, inputs: Fact[]): Fact => ({
    id,
    label,
    value,
    unit,
    digits,
    derived: { formula, inputs: inputs.map((f) => f.id) },
  });
  return [
    d('derived.output.2018', '2018年规模以上工业总产值（按增速推算）', implied2018, '亿元', 1, '2019年总产值 ÷ (1 + 同比增速)', [
      total,
      growth,
    ]),
    d('derived.output.added.2019', '2019年总产值增量（推算）', total.value - implied2018, '亿元', 1, '2019年总产值 − 推算的2018年总产值', [
      total,
      growth,
    ]),
    d(
      'derived.output.hightechShare.2019',
      '高新产值占比（按两项产值计算）',
      (hightech.value / total.value) * 100,
      '%',
      2,
      '高新技术产品产值 ÷ 规模以上工业总产值',
      [hightech, total],
    ),
    d(
      'derived.output.nonHightech.2019',
      '高新技术产品以外的产值',
      total.value - hightech.value,
      '亿元',
      1,
      '规模以上工业总产值 − 高新技术产品产值',
      [total, hightech],
    ),
    d(
      'derived.output.perEnterprise.2019',
      '平均每家规上企业产值',
      total.value / enterprises.value,
      '亿元',
      2,
      '规模以上工业总产值 ÷ 规模以上工业企业数',
      [total, enterprises],
    ),
    d(
      'derived.sewage.capacityIncrease',
      '二期建成后处理能力增幅',
      (phase2.value / phase1.value - 1) * 100,
      '%',
      0,
      '(二期后能力 ÷ 现有能力 − 1) × 100%',
      [phase2, phase1],
    ),
    d('derived.ranking.change', '考评名次上升', rank2018.value - rank2019.value, '位', 0, '2018年名次 − 2019年名次', [rank2018, rank2019]),
  ];
}

/** Builds the registry of every figure the site may show, reported and derived. */
export function buildFacts(data: Datasets): Map<string, AnyFact> {
  const facts = new Map<string, AnyFact>();
  for (const file of measureFiles) {
    for (const r of data[file].records) {
      facts.set(r.id, {
        id: r.id,
        label: r.label,
        value: r.value,
        unit: r.unit,
        digits: decimals(r.value),
        source: r.source,
        ...(r.qualifier && { qualifier: r.qualifier }),
        ...(r.year !== undefined && { year: r.year }),
      });
    }
  }
  for (const m of data['milestones.json'].records) facts.set(m.id, { id: m.id, label: m.label, date: m.date, source: m.source });
  const get = (id: string) => {
    const f = facts.get(id);
    if (!f || isDateFact(f)) throw new Error(`Derived figures need the reported figure "${id}" in data/`);
    return f;
  };
  for (const f of derive(get)) facts.set(f.id, f);
  // The range the high-tech share can take given that both amounts are rounded (D3).
  const [low, high] = ratioInterval(get('output.hightech.2019'), get('output.total.2019'));
  const shareInputs = ['output.hightech.2019', 'output.total.2019'];
  facts.set('derived.output.hightechShare.low', {
    id: 'derived.output.hightechShare.low',
    label: '高新产值占比可能的下限',
    value: low,
    unit: '%',
    digits: 2,
    derived: { formula: '(高新技术产品产值 − 0.05) ÷ (规模以上工业总产值 + 0.05)', inputs: shareInputs },
  });
  facts.set('derived.output.hightechShare.high', {
    id: 'derived.output.hightechShare.high',
    label: '高新产值占比可能的上限',
    value: high,
    unit: '%',
    digits: 2,
    derived: { formula: '(高新技术产品产值 + 0.05) ÷ (规模以上工业总产值 − 0.05)', inputs: shareInputs },
  });
  const founded = facts.get('milestone.founded');
  const highTech = facts.get('milestone.highTech');
  if (founded && highTech && isDateFact(founded) && isDateFact(highTech)) {
    facts.set('derived.park.yearsToHighTech', {
      id: 'derived.park.yearsToHighTech',
      label: '从始建到更名高新园区',
      value: Number(highTech.date.slice(0, 4)) - Number(founded.date.slice(0, 4)),
      unit: '年',
      digits: 0,
      derived: { formula: '更名高新园区的年份 − 始建年份', inputs: [highTech.id, founded.id] },
    });
  }
  return facts;
}

/** The fact with this id, or an error that lists the nearest known ids. */
export function lookupFact(facts: Map<string, AnyFact>, id: string, where = ''): AnyFact {
  const f = facts.get(id);
  if (f) return f;
  const prefix = id.split('.')[0];
  const near = [...facts.keys()].filter((k) => k.startsWith(`${prefix}.`)).slice(0, 8);
  throw new Error(
    `Unknown fact id "${id}"${where ? ` in ${where}` : ''}. ` +
      (near.length ? `Known ids starting with "${prefix}.": ${near.join(', ')}.` : 'See data/README.md for the ids.'),
  );
}

/** Where a reported, rounded share sits against the interval its two amounts allow. */
export type Consistency = 'inside' | 'lowEdge' | 'highEdge' | 'outside';

/**
 * Compares a reported share (itself rounded to its digits) with the interval from
 * `ratioInterval`: 'lowEdge' when only the top of its rounding range reaches the interval.
 */
export function shareConsistency(reported: Fact, [lo, hi]: [number, number]): Consistency {
  const half = 0.5 * 10 ** -reported.digits;
  const from = reported.value - half;
  const to = reported.value + half;
  if (to < lo || from > hi) return 'outside';
  if (from >= lo && to <= hi) return 'inside';
  const overlap = Math.min(to, hi) - Math.max(from, lo);
  if (overlap >= (hi - lo) / 2) return 'inside';
  return to < hi ? 'lowEdge' : 'highEdge';
}

/**
 * The interval a ratio can lie in when both amounts are known only to ±half a unit of
 * their last digit (208.8 means 208.75–208.85). Used to judge a reported share.
 */
export function ratioInterval(part: Fact, whole: Fact): [number, number] {
  const half = (f: Fact) => 0.5 * 10 ** -f.digits;
  return [((part.value - half(part)) / (whole.value + half(whole))) * 100, ((part.value + half(part)) / (whole.value - half(whole))) * 100];
}

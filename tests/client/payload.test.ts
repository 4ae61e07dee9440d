import { describe, expect, it } from 'vitest';
import { parsePayload, type Payload } from '../../src/lib/payload.ts';

const point = { key: 'env.sewageCollection', fact: 'env.sewageCollection', label: '污水收集率', value: '95%', source: '原报道 L14' };
const valid: Payload = {
  label: '环境指标。按方向键逐项查看数值，按 Esc 关闭提示。',
  readout: '{label}：{value}（{source}）',
  widths: { compact: 320, medium: 440, wide: 600 },
  points: [point, { key: 'planned', label: '规划规模', value: '1万吨/天', source: '原报道 L16' }],
  modes: [{ key: 'share', points: [{ ...point, value: '71.4%' }] }],
};
const text = (value: unknown) => JSON.stringify(value);

describe('reading a chart payload', () => {
  it('returns a well-formed payload as it was written, with or without its optional parts', () => {
    expect(parsePayload(text(valid), 'environment')).toEqual(valid);
    const { modes: _, ...plain } = valid;
    expect(parsePayload(text(plain), 'environment')).toEqual(plain);
  });

  it('names the chart when the data is not JSON', () => {
    expect(() => parsePayload('{"label": "环境指标", ', 'environment')).toThrow(/^Chart "environment": its data is not valid JSON \(/);
    expect(() => parsePayload('', 'sewage')).toThrow(/^Chart "sewage": its data is not valid JSON/);
  });

  it('names the chart and the first wrong field when the data has the wrong shape', () => {
    const wrong = (value: unknown) => () => parsePayload(text(value), 'environment');
    expect(wrong({ ...valid, points: undefined })).toThrow(/^Chart "environment": its data is not a chart payload \(points: /);
    expect(wrong([valid])).toThrow(/\(label: /);
    expect(wrong({ ...valid, points: [point, { ...point, value: 95 }] })).toThrow(/\(points\.1\.value: .*string.*95/);
    expect(wrong({ ...valid, widths: { compact: '320' } })).toThrow(/\(widths\.compact: .*number/);
    expect(wrong({ ...valid, modes: [{ key: 'share' }] })).toThrow(/\(modes\.0\.points: /);
    expect(wrong({ ...valid, points: [{ ...point, fact: null }] })).toThrow(/\(points\.0\.fact: /);
  });

  it('says when the data is not an object at all', () => {
    for (const value of [null, 'points', 3]) {
      expect(() => parsePayload(text(value), 'output'), text(value)).toThrow(
        /^Chart "output": its data is not a chart payload \(top level: /,
      );
    }
    expect.assertions(3);
  });
});

import { readAssessment, type Assessment, type RawIndicator } from '../../src/domain';

export type Doc = Record<string, unknown> & { indicators: unknown[] };

export function doc(overrides: Partial<Doc> = {}): Doc {
  return {
    format: 'scorebook/assessment@1',
    id: 'test',
    title: 'ชุดทดสอบ',
    fiscalYear: 2567,
    scale: 'three-level',
    indicators: [],
    ...overrides,
  };
}

export function quantitative(id: string, weight: number, targets: number[], extra: Partial<RawIndicator> = {}): RawIndicator {
  return { id, name: `ตัวชี้วัด ${id}`, weight, kind: 'quantitative', targets, ...extra };
}

/** Reads a document that must be valid; fails the test with the issues otherwise. */
export function mustRead(d: Doc): Assessment {
  const read = readAssessment(d);
  if (!read.ok) throw new Error(read.issues.map((i) => i.message.en).join('\n'));
  return read.value;
}

/**
 * Generated workloads for the benchmarks: an assessment of mixed indicator kinds and, per unit, results typed
 * the way a bulk sheet holds them (numbers, Thai digits, "85%", blanks, the odd unreadable cell).
 * Deterministic (a fixed seed), so two runs measure the same work.
 */
import type { RawResult } from '../../src/domain';

export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchAssessmentDoc(indicatorCount: number): Record<string, unknown> {
  const indicators = Array.from({ length: indicatorCount }, (_, i) => {
    const id = String(i + 1);
    const base = 50 + (i % 50);
    switch (i % 5) {
      case 0:
      case 1:
        return {
          id,
          name: `ตัวชี้วัดเชิงปริมาณ ${id}`,
          unit: 'ร้อยละ',
          weight: 1,
          kind: 'quantitative',
          targets: [base, base + 5, base + 10, base + 15, base + 20],
        };
      case 2:
        return {
          id,
          name: `ตัวชี้วัดยิ่งน้อยยิ่งดี ${id}`,
          weight: 1,
          kind: 'quantitative',
          targets: [base + 20, base + 15, base + 10, base + 5, base],
        };
      case 3:
        return {
          id,
          name: `ร้อยละของโรงเรียน ${id}`,
          weight: 1,
          kind: 'ratio',
          multiplier: 100,
          targets: [60, 70, 80, 90, 100],
          variables: [
            { id: 'num', name: 'จำนวนที่ผ่านเกณฑ์' },
            { id: 'den', name: 'จำนวนทั้งหมด' },
          ],
        };
      default:
        return { id, name: `ระดับความสำเร็จ ${id}`, weight: 1, kind: 'milestone', steps: ['๑', '๒', '๓', '๔', '๕'] };
    }
  });
  return { format: 'scorebook/assessment@1', id: 'bench', title: 'Benchmark', fiscalYear: 2567, scale: 'five-level', indicators };
}

const THAI = '๐๑๒๓๔๕๖๗๘๙';
const thai = (n: number): string => String(n).replace(/\d/g, (d) => THAI[Number(d)] as string);

/** One unit's results for the generated assessment. */
export function benchResults(indicatorCount: number, random: () => number): Record<string, RawResult> {
  const results: Record<string, RawResult> = {};
  for (let i = 0; i < indicatorCount; i++) {
    const id = String(i + 1);
    const roll = random();
    if (roll < 0.03) continue; // not reported
    if (roll < 0.04) {
      results[id] = '#N/A';
      continue;
    }
    const base = 50 + (i % 50);
    const x = Math.round((base - 10 + random() * 40) * 100) / 100;
    switch (i % 5) {
      case 0:
        results[id] = roll < 0.3 ? `${x}%` : x;
        break;
      case 1:
        results[id] = roll < 0.3 ? thai(Math.round(x * 1000)).replace(/(\S)(\S{3})$/, '$1,$2') : x;
        break;
      case 2:
        results[id] = x;
        break;
      case 3: {
        const den = 20 + Math.floor(random() * 200);
        results[id] = { num: Math.floor(den * (0.5 + random() * 0.5)), den };
        break;
      }
      default:
        results[id] = [0, 1, 2, 3, 4].map((k) => k < Math.floor(random() * 6));
    }
  }
  return results;
}

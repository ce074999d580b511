/** A bundled sample (assets/samples) as the workbook tests use it: the assessment read, its document and results. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAssessment, readResults, type Assessment, type Results } from '../../src/domain';

const SAMPLES = join(__dirname, '..', '..', 'assets', 'samples');
const json = (file: string): unknown => JSON.parse(readFileSync(join(SAMPLES, file), 'utf8')) as unknown;

export function sample(name: string): { assessment: Assessment; document: unknown; results: Results } {
  const document = json(`${name}.assessment.json`);
  const a = readAssessment(document);
  if (!a.ok) throw new Error(`${name} does not read`);
  const r = readResults(json(`${name}.results.json`), a.value);
  if (!r.ok) throw new Error(`${name} results do not read`);
  return { assessment: a.value, document, results: r.value };
}

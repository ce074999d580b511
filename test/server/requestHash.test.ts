/** The batch hash written row by row is the canonical form's hash, for every shape a row can take. */
import fc from 'fast-check';
import type { BatchBody } from '../../src/api';
import { requestHash, requestHashByDefinition } from '../../src/server/reports/requestHash';

const note = fc.option(fc.oneof(fc.string(), fc.constant('คำชี้แจง น้ำ ที่ "quoted" \\ back')), { nil: undefined });
const value = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.boolean(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxKeys: 4 }),
);
const row = fc.record(
  {
    indicatorId: fc.string({ minLength: 1, maxLength: 8 }),
    value,
    explanation: fc.oneof(note, fc.constant(null)),
    obstacles: note,
    remarks: fc.oneof(note, fc.constant(null)),
    baseVersion: fc.nat(),
  },
  { requiredKeys: ['indicatorId', 'baseVersion'] },
);

test('requestHash equals the hash of canonicalJson of the batch', () => {
  fc.assert(
    fc.property(
      fc.string(),
      fc.nat(),
      fc.string(),
      fc.constantFrom('save', 'submit'),
      fc.array(row, { minLength: 1, maxLength: 6 }),
      (aid, round, unit, action, rows) => {
        const batch = { aid, round, unit, body: { action, rows } as BatchBody };
        expect(requestHash(batch)).toBe(requestHashByDefinition(batch));
      },
    ),
    { numRuns: 500 },
  );
});

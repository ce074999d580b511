/**
 * The batch route's fast body check and answer text give exactly what zod gives: the same parsed body (keys in the
 * schema's order, unknown keys dropped) for a body it passes, the same refusal for any other (zod's own, by falling
 * back), and the same answer text.
 */
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { batchBodySchema, batchResponseSchema, type BatchResponse } from '../../src/api';
import { batchSerializerCompiler, batchValidatorCompiler, plainBatchAnswer, plainBatchBody } from '../../src/server/routes/batchWire';

const route = { method: 'POST', url: '/r', httpPart: 'body' };
const zodBody = validatorCompiler({ ...route, schema: batchBodySchema });
const fastBody = batchValidatorCompiler({ ...route, schema: batchBodySchema });
const answer = { method: 'POST', url: '/r', httpStatus: '200', schema: batchResponseSchema };
const zodAnswer = serializerCompiler(answer);
const fastAnswer = batchSerializerCompiler(answer);

const row = { indicatorId: '1.1', value: 3, baseVersion: 0 };
const bodies: unknown[] = [
  { action: 'save', rows: [row] },
  { action: 'submit', rows: [row, { ...row, indicatorId: '๑.๒' }] },
  {
    rows: [{ baseVersion: 2, remarks: null, extra: 1, value: { a: 1, b: null }, indicatorId: 'x', explanation: 'คำชี้แจง' }],
    action: 'save',
    x: 1,
  },
  { action: 'save', rows: [{ ...row, value: null, obstacles: 'o', explanation: null }] },
  { action: 'save', rows: [{ ...row, value: ['1', 2, true, null] }] },
  { action: 'save', rows: [{ ...row, value: undefined }] },
  { action: 'save', rows: [{ ...row, explanation: undefined }] },
  { action: 'save', rows: [{ ...row, baseVersion: -0 }] },
  // Refused: zod's message and path.
  { action: 'save', rows: [] },
  { action: 'approve', rows: [row] },
  { action: 'save' },
  { action: 'save', rows: {} },
  [],
  null,
  'rows',
  { action: 'save', rows: [null] },
  { action: 'save', rows: [[row]] },
  { action: 'save', rows: [row, { indicatorId: '1.2', baseVersion: 0 }] },
  { action: 'save', rows: [{ ...row, indicatorId: '' }] },
  { action: 'save', rows: [{ ...row, indicatorId: 7 }] },
  { action: 'save', rows: [{ ...row, indicatorId: 'x'.repeat(101) }] },
  { action: 'save', rows: [{ ...row, indicatorId: 'a\u0000' }] },
  { action: 'save', rows: [{ ...row, indicatorId: '\ud800' }] },
  { action: 'save', rows: [{ ...row, value: [[[1]]] }] },
  { action: 'save', rows: [{ ...row, value: { a: { b: [1] } } }] },
  { action: 'save', rows: [{ ...row, explanation: 'ก'.repeat(10_001) }] },
  { action: 'save', rows: [{ ...row, remarks: 5 }] },
  { action: 'save', rows: [{ ...row, baseVersion: 1.5 }] },
  { action: 'save', rows: [{ ...row, baseVersion: -1 }] },
  { action: 'save', rows: [{ ...row, baseVersion: 2 ** 60 }] },
  { action: 'save', rows: [{ ...row, baseVersion: '0' }] },
  { action: 'save', rows: [{ ...row, baseVersion: Number.NaN }] },
  { action: 'save', rows: [{ indicatorId: '1.1', value: 1 }] },
];

/** Text that tells key order and undefined-valued keys apart. */
const shown = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '<undefined>' : Object.is(x, -0) ? '<-0>' : x));

describe('the batch body fast path', () => {
  it.each(bodies.map((b) => [shown(b).slice(0, 80), b]))('gives what zod gives: %s', (_name, body) => {
    const fast = fastBody(body) as { value?: unknown; error?: Error };
    const zod = zodBody(body) as { value?: unknown; error?: Error };
    expect(shown(fast.value)).toBe(shown(zod.value));
    expect(fast.error?.message).toBe(zod.error?.message);
    expect(JSON.stringify(fast.error)).toBe(JSON.stringify(zod.error));
  });

  it('passes the plain bodies itself, and leaves every refusal to zod', () => {
    for (const body of bodies) {
      const zod = batchBodySchema.safeParse(body);
      const fast = plainBatchBody(body);
      if (fast !== undefined) expect(zod.success).toBe(true);
    }
    expect(plainBatchBody(bodies[0])).toBeDefined();
    expect(plainBatchBody(bodies[2])).toBeDefined();
  });
});

describe('the batch answer fast path', () => {
  const accepted = (id: string, version = 1) => ({ indicatorId: id, outcome: 'accepted' as const, version });
  const answers: BatchResponse[] = [
    { results: [accepted('1.1'), accepted('"quoted" ๑', 7)] },
    { results: [{ ...accepted('1.1'), late: true }], late: true },
    { results: [] },
    { results: [accepted('1.1'), { indicatorId: 'x', outcome: 'conflict' }] },
    {
      results: [
        {
          ...accepted('1.1'),
          issues: [{ code: 'w', severity: 'warning', message: { th: 'ท', en: 'e' }, indicatorId: '1.1' }],
        },
      ],
    },
    { results: [{ ...accepted('1.1'), extra: 1 } as BatchResponse['results'][number]] },
    { results: [{ indicatorId: 'x', outcome: 'invalid', issues: [] }], ...({ more: 1 } as object) },
    { results: [{ late: false, version: 3, outcome: 'accepted', indicatorId: 'o' }] },
  ];

  it.each(answers.map((a) => [JSON.stringify(a).slice(0, 80), a]))('writes what zod writes: %s', (_name, a) => {
    expect(fastAnswer(a)).toBe(zodAnswer(a));
  });

  it('writes the accepted rows itself, and leaves the rest to zod', () => {
    expect(plainBatchAnswer(answers[0])).toBeDefined();
    expect(plainBatchAnswer(answers[3])).toBeUndefined();
    expect(plainBatchAnswer(answers[4])).toBeUndefined();
  });
});

import { interpretTyped } from '../../src/preview/typing';

test('a plain number is a number', () => {
  expect(interpretTyped('3050')).toEqual({ kind: 'number', value: 3050 });
  expect(interpretTyped(' -12.5 ')).toEqual({ kind: 'number', value: -12.5 });
  expect(interpretTyped('1e3')).toEqual({ kind: 'number', value: 1000 });
});

test('anything Excel would guess at stays the text typed', () => {
  for (const typed of ['85%', '3,050', '๓,๐๕๐', '27.4 มคก./ลบ.ม.', 'abc', '1/2']) {
    expect(interpretTyped(typed)).toEqual({ kind: 'text', value: typed });
  }
});

test('formulas, booleans, blanks and the apostrophe', () => {
  expect(interpretTyped('=A1+1')).toEqual({ kind: 'formula', formula: 'A1+1' });
  expect(interpretTyped('true')).toEqual({ kind: 'boolean', value: true });
  expect(interpretTyped('   ')).toEqual({ kind: 'blank' });
  expect(interpretTyped("'42")).toEqual({ kind: 'text', value: '42' });
});

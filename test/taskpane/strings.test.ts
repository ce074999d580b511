import { localeFromDisplayLanguage, STRINGS } from '../../src/taskpane/strings';
import { formatDate, formatScore, formatValue } from '../../src/taskpane/format';

test('Thai when Office says Thai or says nothing; English for any other display language', () => {
  expect(localeFromDisplayLanguage('th-TH')).toBe('th');
  expect(localeFromDisplayLanguage(undefined)).toBe('th');
  expect(localeFromDisplayLanguage('')).toBe('th');
  expect(localeFromDisplayLanguage('en-US')).toBe('en');
  expect(localeFromDisplayLanguage('fr-FR')).toBe('en');
});

test('both languages have every string, and no Thai string is left in English', () => {
  expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.th).sort());
  const thaiScript = /[\u0E00-\u0E7F]/;
  const untranslated = Object.entries(STRINGS.th)
    .filter(([key, v]) => typeof v === 'string' && !thaiScript.test(v) && !['appTitle', 'languageEnglish'].includes(key))
    .map(([key]) => key);
  expect(untranslated).toEqual([]);
});

test('scores at the policy decimals, half-up, grouped; values without trailing zeros', () => {
  expect(formatScore(80.56485, 2)).toBe('80.56');
  expect(formatScore(1234.005, 2)).toBe('1,234.01');
  expect(formatScore(3.64149, 4)).toBe('3.6415');
  expect(formatScore(null, 2)).toBe('—');
  expect(formatValue(90, 2)).toBe('90');
  expect(formatValue(3018.1, 2)).toBe('3,018.1');
});

test('dates in the Buddhist Era in both languages', () => {
  expect(formatDate('2024-03-25', 'th')).toBe('25 มีนาคม 2567');
  expect(formatDate('2024-04-11T23:59:59+07:00', 'en')).toBe('11 April 2567 BE');
});

import { bangkokDate, fiscalYearOf, fiscalYearRange, formatThaiDate, toBuddhistYear, workingDaysLate } from '../../src/domain';

describe('Thai dates', () => {
  test('Buddhist Era is CE + 543', () => {
    expect(toBuddhistYear(2024)).toBe(2567);
  });

  test('the fiscal year runs 1 October – 30 September and is named by the BE year it ends in', () => {
    expect(fiscalYearOf('2023-09-30')).toBe(2566);
    expect(fiscalYearOf('2023-10-01')).toBe(2567);
    expect(fiscalYearOf('2024-09-30')).toBe(2567);
    expect(fiscalYearRange(2567)).toEqual({ start: '2023-10-01', end: '2024-09-30' });
  });

  test('dates are shown in the Buddhist Era', () => {
    expect(formatThaiDate('2024-03-25')).toBe('25 มีนาคม 2567');
    expect(formatThaiDate('2024-04-11', { short: true })).toBe('11 เม.ย. 2567');
  });

  test('Bangkok is UTC+7: 20:00 UTC is already the next day', () => {
    expect(bangkokDate('2024-04-11T20:00:00Z')).toBe('2024-04-12');
  });

  test('working days late skip weekends and holidays; on time is 0', () => {
    const closes = '2024-04-11T16:30:00+07:00';
    expect(workingDaysLate(closes, '2024-04-11T10:00:00+07:00')).toBe(0);
    expect(workingDaysLate(closes, '2024-04-11T18:00:00+07:00')).toBe(0);
    expect(workingDaysLate(closes, '2024-04-12T09:00:00+07:00')).toBe(1);
    expect(workingDaysLate(closes, '2024-04-14T09:00:00+07:00')).toBe(1);
    expect(workingDaysLate(closes, '2024-04-16T09:00:00+07:00')).toBe(3);
    expect(workingDaysLate(closes, '2024-04-16T09:00:00+07:00', ['2024-04-12', '2024-04-15'])).toBe(1);
  });
});

import { roundPeriod } from '../../src/domain';

test("a round's period runs from 1 October to the last day of its last month", () => {
  expect(roundPeriod(2567, 6)).toEqual({ start: '2023-10-01', end: '2024-03-31' });
  expect(roundPeriod(2567, 9)).toEqual({ start: '2023-10-01', end: '2024-06-30' });
  expect(roundPeriod(2567, 12)).toEqual({ start: '2023-10-01', end: '2024-09-30' });
  // February of a leap year (2567 BE = 2024 CE): round 5 ends on the 29th.
  expect(roundPeriod(2567, 5)).toEqual({ start: '2023-10-01', end: '2024-02-29' });
  expect(roundPeriod(2568, 5).end).toBe('2025-02-28');
});

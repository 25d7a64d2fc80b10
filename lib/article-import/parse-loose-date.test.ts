import { describe, expect, it } from 'vitest';
import { parseLooseDate } from './parse-loose-date';

describe('parseLooseDate', () => {
  it.each([
    ['2024-03-04', '2024-03-04T00:00:00.000Z'],
    ['2024-03-04T08:30:00Z', '2024-03-04T08:30:00.000Z'],
    ['2024-03-04T08:30:00+0100', '2024-03-04T07:30:00.000Z'],
    ['2024-03-04 08:30', '2024-03-04T08:30:00.000Z'],
    ['Published 4 March 2024', '2024-03-04T00:00:00.000Z'],
    ['Tue 3 Jan 2023 10.20 GMT', '2023-01-03T00:00:00.000Z'],
    ['January 3rd, 2023', '2023-01-03T00:00:00.000Z'],
  ])('%s', (input, iso) => {
    expect(parseLooseDate(input)?.toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '31 February 2024', '2024-13-01', 'Smarch 4, 2024'])('returns null for %j', (input) => {
    expect(parseLooseDate(input)).toBeNull();
  });
});

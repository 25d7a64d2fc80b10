import { describe, expect, it } from 'vitest';
import { startOfWeekUtc } from './overview';

describe('startOfWeekUtc', () => {
  it('returns the Monday of the week, in UTC', () => {
    expect(startOfWeekUtc(new Date('2026-11-25T15:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(startOfWeekUtc(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(startOfWeekUtc(new Date('2026-11-29T23:59:59Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});

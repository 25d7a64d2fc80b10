import { z } from 'zod';

export const idSchema = z.number().int().positive().max(2_147_483_647);
// One below the integer column's maximum: an update writes version + 1, which must fit too.
export const versionSchema = z.number().int().positive().max(2_147_483_646);

/** http(s) only: javascript:, data: and every other scheme are refused with a clear message. */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(2_000, 'Use a URL of at most 2,000 characters.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, 'Enter a full web address starting with http:// or https://.');

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9-]+$/, 'A slug has only lower-case letters, digits and hyphens.');

/**
 * A calendar date a database can store: PostgreSQL's timestamps stop at years 1 to 9999 in the
 * ISO form drivers send, and JavaScript dates reach far beyond (±275,760).
 */
export const storableDateSchema = z
  .date()
  .min(new Date('0001-01-01T00:00:00.000Z'), 'Use a date after the year 1.')
  .max(new Date('9999-12-31T23:59:59.999Z'), 'Use a date before the year 10,000.');

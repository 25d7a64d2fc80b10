import { z } from 'zod';
import { idSchema } from './common';

/**
 * An SSE event id as the client sends it back on reconnect, in text; "0" (before the first
 * event) is what a page loaded from an empty log subscribes from.
 */
export const lastEventIdSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,9})$/, 'lastEventId must be the id of an event: a whole number.')
  .transform(Number)
  // Event ids are integer columns: a larger number made PostgreSQL fail the stream's query.
  .pipe(z.number().max(2_147_483_647, 'lastEventId must be the id of an event: a whole number.'));

export const articleEventsInputSchema = z.object({
  articleId: idSchema,
  lastEventId: lastEventIdSchema.nullish(),
});

export const reviewQueueEventsInputSchema = z
  .object({ lastEventId: lastEventIdSchema.nullish() })
  .optional();

export const presenceInputSchema = z.object({ articleId: idSchema });

import type { z } from 'zod';
import { describeMutationError, type FieldErrors } from '../../_components/mutation-error';

/** What a form shows after a refused import or save: one readable message and the fields it concerns. */
export type FormFailure = { message: string; fieldErrors: FieldErrors };

/** The messages of zod's field errors, each once, in order. */
function collectFieldMessages(fieldErrors: FieldErrors): string[] {
  const messages = Object.values(fieldErrors).flatMap((list) => list ?? []);
  return [...new Set(messages)];
}

/**
 * For the source form every field sits next to the message, so the message says what is wrong
 * ("Paste the article text.") instead of pointing at fields marked below.
 */
export function describeImportFailure(error: unknown): FormFailure {
  const { message, fieldErrors } = describeMutationError(error);
  const fieldMessages = collectFieldMessages(fieldErrors);
  return { message: fieldMessages.length > 0 ? fieldMessages.join(' ') : message, fieldErrors };
}

/** The same shape from a local zod check, so the browser refuses what the server would. */
export function describeValidationFailure(error: z.ZodError, summary?: string): FormFailure {
  const fieldErrors: FieldErrors = {};
  const formMessages: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string') (fieldErrors[key] ??= []).push(issue.message);
    else formMessages.push(issue.message);
  }
  const messages = [...new Set([...formMessages, ...collectFieldMessages(fieldErrors)])];
  return { message: summary && Object.keys(fieldErrors).length > 0 ? summary : messages.join(' '), fieldErrors };
}

export function hasFieldError(failure: FormFailure | null, ...fields: string[]): boolean {
  return fields.some((field) => (failure?.fieldErrors[field]?.length ?? 0) > 0);
}

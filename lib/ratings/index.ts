// The desk's rating scale, checklist and organisation defaults, with the zod schemas that
// validate an admin's changes to them. Pure and isomorphic.
export * from './rating-scale';
export * from './rating-color';
export * from './checklist';
export * from './organisation';

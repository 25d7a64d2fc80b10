// fast-check arbitraries from a procedure's zod input, through zod 4's JSON Schema (input side).
// Values mostly satisfy the schema's shape and bounds, so they reach the services; a share of
// them break a bound or swap in arbitrary JSON, so the edges are tried too.
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

export type Dictionary = {
  /** Strings worth trying in any text field: real slugs, keys, URLs of the seeded data. */
  strings: string[];
  /** The largest id of the seeded rows, so ids mostly point at something. */
  maxKnownId: number;
};

const MAX_STRING = 120;
const MAX_ARRAY = 6;

const oddStrings = [
  '',
  ' ',
  '\t\n',
  '\u200b',
  '\ud800',
  '\udfff',
  'é'.normalize('NFD'),
  '🏳️‍🌈',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '%00',
  '../../etc/passwd',
  'javascript:alert(1)',
  'https://',
  'http://[::1]/',
  'http://127.0.0.1:1/',
  '__proto__',
  'constructor',
  '0',
  '-1',
  'NaN',
  '9'.repeat(30),
];

function text(dictionary: Dictionary, minLength = 0, maxLength = MAX_STRING): fc.Arbitrary<string> {
  const max = Math.max(minLength, Math.min(maxLength, MAX_STRING));
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength, maxLength: max }) },
    { weight: 2, arbitrary: fc.string({ minLength, maxLength: max, unit: 'binary' }) },
    { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
    { weight: 2, arbitrary: fc.constantFrom(...dictionary.strings) },
    { weight: 1, arbitrary: fc.constantFrom(...oddStrings) },
    // A bound broken on purpose: one past the longest allowed (when that is cheap to build).
    { weight: 1, arbitrary: fc.constant('x'.repeat(Math.min(maxLength, 300_000) + 1)) },
  );
}

function integer(schema: JsonSchema, dictionary: Dictionary): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -2_147_483_648);
  const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 2_147_483_647);
  const low = Math.max(min, -1_000_000_000_000);
  const high = Math.min(max, Number.MAX_SAFE_INTEGER);
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: Math.max(low, 0), max: Math.max(Math.min(high, dictionary.maxKnownId + 2), Math.max(low, 0)) }) },
    { weight: 2, arbitrary: fc.integer({ min: Math.max(low, -2_147_483_648), max: Math.min(high, 2_147_483_647) }) },
    { weight: 1, arbitrary: fc.constantFrom(low, high, low - 1, high + 1, 0, -1, 2_147_483_648, Number.MAX_SAFE_INTEGER) },
    { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  );
}

function arbitraryOf(schema: JsonSchema, dictionary: Dictionary, depth: number): fc.Arbitrary<unknown> {
  const exact = exactArbitraryOf(schema, dictionary, depth);
  // Now and then anything at all, anywhere in the tree.
  return fc.oneof({ weight: 12, arbitrary: exact }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
}

function exactArbitraryOf(schema: JsonSchema, dictionary: Dictionary, depth: number): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => arbitraryOf(s, dictionary, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return arbitraryOf(schema.allOf[0]!, dictionary, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => arbitraryOf({ ...schema, type: t }, dictionary, depth + 1)));
  switch (type[0]) {
    case 'string':
      if (schema.format === 'email') return fc.oneof(fc.emailAddress(), text(dictionary, schema.minLength, schema.maxLength));
      if (schema.pattern) {
        return fc.oneof(
          { weight: 4, arbitrary: fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Infinity)) },
          { weight: 1, arbitrary: text(dictionary, schema.minLength, schema.maxLength) },
        );
      }
      return text(dictionary, schema.minLength ?? 0, schema.maxLength ?? MAX_STRING);
    case 'integer':
      return integer(schema, dictionary);
    case 'number':
      return fc.oneof(integer(schema, dictionary), fc.double());
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ARRAY, minLength + MAX_ARRAY));
      return fc.array(arbitraryOf(schema.items ?? {}, dictionary, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, arbitraryOf(s, dictionary, depth + 1)]));
      return fc.record(shape, { requiredKeys: Object.keys(properties).filter((key) => required.has(key)) });
    }
    default:
      // Unrepresentable in JSON Schema (z.date(), z.void()): dates, nothing, or anything.
      return fc.oneof(fc.constant(undefined), fc.date({ noInvalidDate: false }), fc.jsonValue({ maxDepth: 2 }));
  }
}

/** An arbitrary for the input of a procedure whose input parsers are `inputs` (tRPC merges several). */
export function arbitraryForInputs(inputs: unknown[], dictionary: Dictionary): fc.Arbitrary<unknown> {
  if (inputs.length === 0) return fc.constant(undefined);
  const schemas = inputs.map((input) => z.toJSONSchema(input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  if (schemas.length === 1) return arbitraryOf(schemas[0]!, dictionary, 0);
  return fc
    .tuple(...schemas.map((s) => arbitraryOf(s, dictionary, 0)))
    .map((parts) => Object.assign({}, ...parts.filter((p) => p && typeof p === 'object')));
}

// Checks a rule's options against its JSON schema (draft-07 subset: type, enum, const, minimum/maximum, items,
// properties, additionalProperties, oneOf/anyOf), with messages that name the key and say what was expected.
// Pure; never throws.
import { didYouMean } from './suggest';

export type Schema = Record<string, unknown>;

/** Validates `value` against the simple JSON schema types option schemas use. Returns false when a problem was added. */
export function validateAgainstSchema(
  value: unknown,
  schema: Schema,
  key: string,
  add: (key: string | undefined, message: string) => void,
  ruleId?: string,
): boolean {
  if (!isPlainObject(schema)) return true;
  let ok = true;
  const fail = (k: string, m: string) => {
    ok = false;
    add(k, m);
  };

  for (const combinator of ['oneOf', 'anyOf'] as const) {
    const alts = schema[combinator];
    if (Array.isArray(alts) && alts.length > 0) {
      const silent = () => undefined;
      const matches = alts.some((alt) => validateAgainstSchema(value, alt as Schema, key, silent));
      if (!matches) {
        // Report the first alternative's complaint: usually the most useful one.
        validateAgainstSchema(value, alts[0] as Schema, key, (k, m) => fail(k ?? key, m), ruleId);
        if (ok) fail(key, `${describe(value)} does not match any allowed form`);
      }
      if (!matches) return false;
    }
  }

  if ('const' in schema && !deepEqual(value, schema.const)) {
    fail(key, `expected ${safeJson(schema.const)}, found ${describe(value)}`);
    return false;
  }
  if (Array.isArray(schema.enum)) {
    if (!schema.enum.some((e) => deepEqual(e, value))) {
      const hint = typeof value === 'string' ? didYouMean(value, schema.enum.filter((e): e is string => typeof e === 'string')) : '';
      fail(key, `${describe(value)} is not allowed${hint}; use one of ${schema.enum.map((e) => safeJson(e)).join(', ')}`);
      return false;
    }
  }

  const types = schema.type === undefined ? undefined : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (types && !types.some((t) => hasType(value, t))) {
    fail(key, `expected ${types.map(typeName).join(' or ')}, found ${describe(value)}`);
    return false;
  }

  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(key, `must be at least ${schema.minimum}, found ${value}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(key, `must be at most ${schema.maximum}, found ${value}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail(key, `must be greater than ${schema.exclusiveMinimum}, found ${value}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) fail(key, `must not be empty`);
    if (typeof schema.pattern === 'string') {
      let re: RegExp | undefined;
      try {
        re = new RegExp(schema.pattern, 'u');
      } catch {
        re = undefined;
      }
      if (re && !re.test(value)) fail(key, `${describe(value)} does not have the expected form (${schema.pattern})`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(key, `needs at least ${schema.minItems} entries`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(key, `takes at most ${schema.maxItems} entries`);
    if (isPlainObject(schema.items)) {
      value.forEach((v, i) => {
        if (!validateAgainstSchema(v, schema.items as Schema, `${key}[${i}]`, add, ruleId)) ok = false;
      });
    }
    if (schema.uniqueItems === true) {
      const seen = new Set(value.map((v) => safeJson(v)));
      if (seen.size !== value.length) fail(key, `has duplicate entries`);
    }
  }
  if (isPlainObject(value) && (types?.includes('object') || isPlainObject(schema.properties))) {
    const props = isPlainObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
    const names = Object.keys(props);
    for (const [k, v] of Object.entries(value)) {
      const sub = `${key}.${k}`;
      if (k in props) {
        if (!validateAgainstSchema(v, props[k], sub, add, ruleId)) ok = false;
      } else if (isPlainObject(schema.additionalProperties)) {
        if (!validateAgainstSchema(v, schema.additionalProperties as Schema, sub, add, ruleId)) ok = false;
      } else if (schema.additionalProperties !== true) {
        const where = ruleId ? ` for ${ruleId}` : '';
        const allowed = names.length ? `; options${where} are ${names.join(', ')}` : `; ${ruleId ?? 'this'} takes no options`;
        fail(sub, `unknown option${didYouMean(k, names)}${allowed}`);
      }
    }
    if (Array.isArray(schema.required)) {
      for (const r of schema.required) if (typeof r === 'string' && !(r in value)) fail(`${key}.${r}`, `is required`);
    }
  }
  return ok;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isPlainObject(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}

function typeName(t: string): string {
  return t === 'integer' ? 'a whole number' : t === 'array' ? 'an array' : t === 'object' ? 'an object' : t === 'null' ? 'null' : `a ${t}`;
}

/** A short description of a value for messages: `"warn"`, `42`, `an array`, `an object`, `null`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

export function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return safeJson(a) === safeJson(b);
}


import crypto from 'node:crypto';

/**
 * The "shape" of a JSON-LD document for memoised canonicalization (diplomas.canonize.ts): the document
 * as JSON with every free string leaf replaced by a unique placeholder. Two documents of one shape
 * expand to the same RDF except for those leaves, so the costly JSON-LD → RDF step runs once per shape.
 */

/**
 * Random per process, so no document can forge a placeholder: a document holding it anywhere (key,
 * value, context) is refused by `documentShape` and takes the library's path.
 */
export const MARK = `msph${crypto.randomBytes(8).toString('hex')}`;
/** Finds the slot numbers of the placeholders inside any template term (whole or transformed). */
export const TOKEN = new RegExp(`${MARK}(\\d+)z`, 'g');

/**
 * Keys whose string values stay in the shape as they are: the context (it defines every term), types
 * (they select type-scoped contexts and are IRIs by vocabulary) and the language/direction of a value
 * (they shape the literal, not its text).
 */
const KEPT_STRING_KEYS = new Set(['type', '@type', '@language', '@direction']);
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?/;

export interface DocumentShape {
  /** The JSON of the document with every slot's placeholder (the key of the learned kept slots). */
  skeleton: string;
  /** The real string of each slot, in document order (slot n's placeholder holds `${MARK}${n}z`). */
  slots: string[];
  /** Each slot's placeholder. */
  placeholders: string[];
}

/**
 * A placeholder keeps the value's IRI scheme and the "//" after it, so JSON-LD treats both alike: an
 * absolute IRI stays verbatim, a compact IRI (a defined prefix) is expanded — and then the placeholder
 * no longer appears verbatim, which the template check notices.
 */
function placeholderFor(value: string, slot: number): string {
  const scheme = SCHEME.exec(value);
  const token = `${MARK}${slot}z`;
  return scheme ? `${scheme[1]}:${scheme[2] ?? ''}${token}` : token;
}

class Unsupported extends Error {}

/**
 * The shape of a document, or null when it is not one the memo may handle: a context that names a
 * document other than the static bundled ones (it could change between calls), the marker
 * anywhere, or anything JSON cannot say exactly (undefined, NaN, -0, non-plain objects).
 */
export function documentShape(document: unknown, isStaticContext: (url: string) => boolean): DocumentShape | null {
  const slots: string[] = [];
  const placeholders: string[] = [];

  // A context is kept whole in the shape; what it loads must be immutable: every URL it names (as a
  // context, an @import or a scoped context) is a static one. Other strings in it are IRIs and terms.
  const checkContext = (value: unknown): void => {
    for (const entry of Array.isArray(value) ? value : [value]) {
      if (typeof entry === 'string') {
        if (!isStaticContext(entry)) throw new Unsupported();
      } else if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
        for (const [key, child] of Object.entries(entry)) {
          if (key === '@import') checkContext(typeof child === 'string' ? child : {});
          else if (key === '@context') checkContext(child);
          else if (typeof child === 'object' && child !== null && '@context' in child) checkContext((child as Record<string, unknown>)['@context']);
        }
      } else if (entry !== null) throw new Unsupported();
    }
  };
  const context = (value: unknown): string => {
    checkContext(value);
    const json = JSON.stringify(value);
    if (json === undefined || json.includes(MARK)) throw new Unsupported();
    return json;
  };
  const kept = (value: string): string => {
    if (value.includes(MARK)) throw new Unsupported();
    return JSON.stringify(value);
  };
  const walk = (value: unknown, keepStrings: boolean): string => {
    if (typeof value === 'string') {
      if (keepStrings) return kept(value);
      if (value.includes(MARK)) throw new Unsupported();
      const placeholder = placeholderFor(value, slots.length);
      slots.push(value);
      placeholders.push(placeholder);
      return JSON.stringify(placeholder);
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Object.is(value, -0)) throw new Unsupported();
      return JSON.stringify(value);
    }
    if (typeof value === 'boolean' || value === null) return JSON.stringify(value);
    if (Array.isArray(value)) {
      const parts: string[] = [];
      // A sparse array or an undefined element is not JSON: its JSON would say null.
      for (let i = 0; i < value.length; i += 1) {
        if (!(i in value) || value[i] === undefined) throw new Unsupported();
        parts.push(walk(value[i], keepStrings));
      }
      return `[${parts.join(',')}]`;
    }
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const parts: string[] = [];
      for (const key of Object.keys(value)) {
        const child = (value as Record<string, unknown>)[key];
        if (child === undefined || key.includes(MARK)) throw new Unsupported();
        const text = key === '@context' ? context(child) : walk(child, KEPT_STRING_KEYS.has(key) && (typeof child === 'string' || Array.isArray(child)));
        parts.push(`${JSON.stringify(key)}:${text}`);
      }
      return `{${parts.join(',')}}`;
    }
    throw new Unsupported();
  };

  try {
    if (typeof document !== 'object' || document === null || Array.isArray(document)) return null;
    const skeleton = walk(document, false);
    return { skeleton, slots, placeholders };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/**
 * The shape with some slots kept as their real values (slots whose placeholder JSON-LD transformed:
 * vocabulary-typed values such as `proofPurpose`, compact IRIs, ...). Each placeholder occurs once in
 * the skeleton, as a whole JSON string, so a plain replacement is exact.
 */
export function shapeWithKept(shape: DocumentShape, kept: ReadonlySet<number>): string {
  let json = shape.skeleton;
  for (const slot of kept) json = json.replace(JSON.stringify(shape.placeholders[slot]!), () => JSON.stringify(shape.slots[slot]!));
  return json;
}

/**
 * An IRI JSON-LD keeps verbatim and N-Quads can carry without escaping: absolute (a scheme other than
 * the blank-node "_"), no whitespace (JSON-LD's own test is `\s`, Unicode spaces included), no control
 * characters, none of <>"{}|\^`.
 */
export const PLAIN_ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\p{Cc}<>"{}|\\^`]+$/u;

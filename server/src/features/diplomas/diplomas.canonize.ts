import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { documentShape, MARK, PLAIN_ABSOLUTE_IRI, shapeWithKept, TOKEN, type DocumentShape } from './diplomas.canonize-shape.ts';
import type { Quad, Term } from 'rdf-canonize';
import { createLruCache } from '../../lib/lru-cache.ts';

/**
 * Memoised RDF canonicalization for eddsa-rdfc-2022: JSON-LD → RDF runs once per document shape
 * (diplomas.canonize-shape.ts) and the dataset of every later document of that shape is the template's
 * with the real strings put back; RDFC-1.0 (rdf-canonize, as the library) then labels and serialises
 * it. Whatever the template cannot vouch for takes the library's own canonize, so the output is always
 * byte-identical to it (diplomas.canonize.test.ts proves it on diplomas and on random hostile input).
 */

type Position = 'subject' | 'object' | 'graph';
/** Where a slot's value goes in the template: quad index, position, and whether it is an IRI or a literal. */
interface Substitution {
  quad: number;
  position: Position;
  slot: number;
  isIri: boolean;
}
interface Template {
  quads: Quad[];
  substitutions: Substitution[];
  /** Slots substituted as IRIs (they must stay distinct and be plain absolute IRIs). */
  iriSlots: number[];
  /** IRIs that are nodes of their own in the template: a substituted IRI equal to one would merge nodes. */
  fixedNodes: Set<string>;
}
/** A template, or the slots JSON-LD transformed (to keep as values in the shape), or "never for this shape". */
type TemplateResult = { kind: 'ok'; template: Template } | { kind: 'keep'; slots: number[] } | { kind: 'unsupported' };

type CanonizeOptions = { documentLoader?: unknown; base?: unknown; safe?: unknown; skipExpansion?: unknown } & Record<string, unknown>;

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const MAX_SHAPES = 512;

/** The options the library's canonize is called with (DataIntegrityProof): anything else takes its path. */
function isPlainCall(options: CanonizeOptions): boolean {
  for (const [key, value] of Object.entries(options)) {
    if (key === 'documentLoader') continue;
    if (key === 'base' && value === null) continue;
    if (key === 'safe' && value === true) continue;
    if (key === 'skipExpansion' && value === false) continue;
    return false;
  }
  return true;
}

/** Reads which slots a template term holds; null when it holds the marker but no whole token (never seen; refuse). */
function slotsIn(value: string): number[] | null {
  if (!value.includes(MARK)) return [];
  const slots = [...value.matchAll(TOKEN)].map((m) => Number(m[1]));
  return slots.length > 0 ? slots : null;
}

/**
 * Checks the template dataset: every free slot must come out exactly as its placeholder, as a whole IRI
 * (subject, object or graph name; never a type) or as a whole literal value occurring once. Slots that
 * JSON-LD transformed are returned to be kept in the shape instead.
 */
function analyse(quads: Quad[], shape: DocumentShape, kept: ReadonlySet<number>): TemplateResult {
  const bad = new Set<number>();
  const iri = new Map<number, number>();
  const literal = new Map<number, number>();
  const substitutions: Substitution[] = [];
  const fixedNodes = new Set<string>();
  const mark = (found: number[] | null): boolean => {
    if (found === null) return false;
    for (const slot of found) bad.add(slot);
    return true;
  };
  for (const [index, quad] of quads.entries()) {
    if (!mark(slotsIn(quad.predicate.value))) return { kind: 'unsupported' };
    for (const position of ['subject', 'object', 'graph'] as const) {
      const term: Term = quad[position];
      if (term.termType === 'Literal') {
        if (!mark(slotsIn(term.datatype?.value ?? '')) || !mark(slotsIn(term.language ?? ''))) return { kind: 'unsupported' };
      }
      const found = slotsIn(term.value);
      if (found === null) return { kind: 'unsupported' };
      if (found.length === 0) {
        if (term.termType === 'NamedNode' && position !== 'object') fixedNodes.add(term.value);
        continue;
      }
      const slot = found[0]!;
      const isWhole = found.length === 1 && term.value === shape.placeholders[slot] && !kept.has(slot);
      const isIri = term.termType === 'NamedNode';
      if (!isWhole || !(isIri || term.termType === 'Literal') || (isIri && position === 'object' && quad.predicate.value === RDF_TYPE)) {
        mark(found);
        continue;
      }
      const counts = isIri ? iri : literal;
      counts.set(slot, (counts.get(slot) ?? 0) + 1);
      substitutions.push({ quad: index, position, slot, isIri });
    }
  }
  for (let slot = 0; slot < shape.slots.length; slot += 1) {
    if (kept.has(slot)) continue;
    const asIri = iri.get(slot) ?? 0;
    const asLiteral = literal.get(slot) ?? 0;
    // Dropped (no occurrence), both kinds, or a literal twice: not a plain leaf; keep it in the shape.
    if ((asIri === 0 && asLiteral === 0) || (asIri > 0 && asLiteral > 0) || asLiteral > 1) bad.add(slot);
  }
  if (bad.size > 0) return { kind: 'keep', slots: [...bad] };
  return { kind: 'ok', template: { quads, substitutions, iriSlots: [...iri.keys()], fixedNodes } };
}

/**
 * The template's dataset with the document's strings, or null when the substitution could differ from
 * JSON-LD's own result: an IRI JSON-LD would not keep verbatim, two nodes that would merge, or quads
 * that become equal (JSON-LD would have de-duplicated them).
 */
function substitute(template: Template, slots: string[]): Quad[] | null {
  const iris = new Set<string>();
  for (const slot of template.iriSlots) {
    const value = slots[slot]!;
    if (!PLAIN_ABSOLUTE_IRI.test(value) || iris.has(value) || template.fixedNodes.has(value)) return null;
    iris.add(value);
  }
  const quads = template.quads.slice();
  for (const { quad, position, slot, isIri } of template.substitutions) {
    const copy = { ...quads[quad]! };
    const term = copy[position];
    copy[position] = isIri ? { termType: 'NamedNode', value: slots[slot]! } : { ...term, value: slots[slot]! };
    quads[quad] = copy;
  }
  const seen = new Set<string>();
  for (const q of quads) {
    const o = q.object;
    const key = `${q.subject.termType}\u0000${q.subject.value}\u0000${q.predicate.value}\u0000${o.termType}\u0000${o.value}\u0000${o.datatype?.value ?? ''}\u0000${o.language ?? ''}\u0000${q.graph.termType}\u0000${q.graph.value}`;
    if (seen.has(key)) return null;
    seen.add(key);
  }
  return quads;
}

/**
 * A drop-in for the eddsa-rdfc-2022 cryptosuite's `canonize`, memoised by shape for documents whose
 * contexts are all static (`isStaticContext`: the bundled ones; a context that can change would make a
 * template stale). diplomas.suite.ts plugs it into the cryptosuite.
 */
export function createMemoisedCanonize(isStaticContext: (url: string) => boolean) {
  const templates = createLruCache<Promise<TemplateResult>>(MAX_SHAPES);
  // Slots found to be transformed (vocabulary-typed values, compact IRIs...), learned per skeleton.
  const keptBySkeleton = createLruCache<ReadonlySet<number>>(MAX_SHAPES);
  const library = cryptosuite.canonize;

  async function buildTemplate(shape: DocumentShape, kept: ReadonlySet<number>, json: string, options: CanonizeOptions): Promise<TemplateResult> {
    try {
      // The library's own conversion options (eddsa-rdfc-2022-cryptosuite lib/canonize.js).
      const dataset = await jsonld.toRDF(JSON.parse(json), { rdfDirection: 'i18n-datatype', base: null, safe: true, ...options, produceGeneralizedRdf: false });
      return analyse(dataset, shape, kept);
    } catch (error) {
      // Safe mode refuses what it would drop: a placeholder in a vocabulary position (`proofPurpose`)
      // reads as a relative IRI. Keep the slots the error names and try again; anything else (undefined
      // term, bad value...) is the library's to report.
      let named: number[] | null = null;
      try {
        named = slotsIn(JSON.stringify((error as { details?: unknown }).details) ?? '');
      } catch {
        // Details that are not JSON name nothing.
      }
      return named && named.length > 0 && !named.some((slot) => kept.has(slot)) ? { kind: 'keep', slots: named } : { kind: 'unsupported' };
    }
  }

  /** The dataset of a document through the memo, or null when the library must do it. */
  async function datasetOf(input: unknown, options: CanonizeOptions): Promise<Quad[] | null> {
    if (!isPlainCall(options)) return null;
    const shape = documentShape(input, isStaticContext);
    if (!shape) return null;
    let kept = keptBySkeleton.get(shape.skeleton) ?? new Set<number>();
    // Each round keeps at least one more slot; a few rounds suffice for any real shape.
    for (let round = 0; round < 4; round += 1) {
      const json = kept.size > 0 ? shapeWithKept(shape, kept) : shape.skeleton;
      let pending = templates.get(json);
      if (!pending) {
        pending = buildTemplate(shape, kept, json, options);
        templates.set(json, pending);
      }
      const result = await pending;
      if (result.kind === 'unsupported') return null;
      if (result.kind === 'ok') return substitute(result.template, shape.slots);
      kept = new Set([...kept, ...result.slots]);
      keptBySkeleton.set(shape.skeleton, kept);
    }
    return null;
  }

  /** Same signature and result as the library's canonize (RDFC-1.0, N-Quads). */
  async function canonize(input: object, options: CanonizeOptions = {}): Promise<string> {
    const dataset = await datasetOf(input, options);
    if (!dataset) return library(input, options);
    return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', format: 'application/n-quads', base: null, safe: true, ...options });
  }

  return canonize;
}

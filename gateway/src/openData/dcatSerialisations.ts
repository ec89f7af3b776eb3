// One catalogue graph, two serialisations: Turtle written by n3's Writer, and JSON-LD written here from
// the same quads (flattened: one node object per subject in @graph, with a @context of the prefixes), so
// both describe exactly the same graph (test/openData/feedsDcat.test.ts parses both and compares them).
import { Writer, type Quad, type Term } from 'n3';
import { PREFIXES } from './dcatGraph.ts';

const XSD_STRING = `${PREFIXES.xsd}string`;
const RDF_TYPE = `${PREFIXES.rdf}type`;

/** The quads grouped by subject (in order of first appearance), so Turtle writes each subject once. */
function bySubject(quads: readonly Quad[]): Quad[] {
  const groups = new Map<string, Quad[]>();
  for (const entry of quads) {
    const key = `${entry.subject.termType}:${entry.subject.value}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()].flat();
}

export function toTurtle(quads: readonly Quad[], prefixes: Record<string, string>): Promise<string> {
  const writer = new Writer({ prefixes: { ...PREFIXES, ...prefixes } });
  writer.addQuads(bySubject(quads));
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}

/** The shortest name of an IRI under the context's prefixes (a property or a type), else the IRI itself. */
function compact(iri: string, prefixes: Record<string, string>): string {
  for (const [prefix, namespace] of Object.entries(prefixes)) {
    const local = iri.slice(namespace.length);
    if (iri.startsWith(namespace) && /^[A-Za-z_][\w-]*$/.test(local)) return `${prefix}:${local}`;
  }
  return iri;
}

function nodeId(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

type JsonLdValue = string | { '@id': string } | { '@value': string; '@language': string } | { '@value': string; '@type': string };

function objectOf(term: Term): JsonLdValue {
  if (term.termType !== 'Literal') return { '@id': nodeId(term) };
  if (term.language) return { '@value': term.value, '@language': term.language };
  if (term.datatype.value === XSD_STRING) return term.value;
  return { '@value': term.value, '@type': term.datatype.value };
}

export function toJsonLd(quads: readonly Quad[], prefixes: Record<string, string>): Record<string, unknown> {
  const context = { ...PREFIXES, ...prefixes };
  const nodes = new Map<string, Record<string, unknown>>();
  for (const { subject, predicate, object } of quads) {
    const id = nodeId(subject);
    let node = nodes.get(id);
    if (!node) {
      node = { '@id': id };
      nodes.set(id, node);
    }
    if (predicate.value === RDF_TYPE && object.termType === 'NamedNode') {
      ((node['@type'] ??= []) as string[]).push(compact(object.value, context));
      continue;
    }
    const key = compact(predicate.value, context);
    ((node[key] ??= []) as JsonLdValue[]).push(objectOf(object));
  }
  return { '@context': context, '@graph': [...nodes.values()] };
}

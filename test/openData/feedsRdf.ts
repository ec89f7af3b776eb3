// What the DCAT tests need of RDF: parse Turtle (n3) and JSON-LD (jsonld-streaming-parser, no remote
// context: the feed's @context is inline), compare graphs (rdf-isomorphic), and validate against the
// project's DCAT-AP 3 shapes (rdf-validate-shacl), counting results by severity.
import { readFileSync } from 'node:fs';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

export const SHAPES_PATH = new URL('../../gateway/src/openData/dcatApShapes.ttl', import.meta.url);

export function parseTurtle(text: string): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(text);
}

export function parseJsonLd(text: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    // Its own data factory (n3's refuses the null language it passes for plain literals).
    const parser = new JsonLdParser();
    parser.on('data', (quad: Quad) => quads.push(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

export interface ShaclFinding {
  severity: 'Violation' | 'Warning' | 'Info';
  focusNode: string;
  path: string | null;
  message: string;
}

export async function validateDcat(quads: readonly Quad[]): Promise<ShaclFinding[]> {
  const shapes = new Store(parseTurtle(readFileSync(SHAPES_PATH, 'utf8')));
  const validator = new SHACLValidator(shapes);
  const report = await validator.validate(new Store([...quads]));
  return report.results.map((result) => ({
    severity: (result.severity?.value.split('#')[1] ?? 'Violation') as ShaclFinding['severity'],
    focusNode: result.focusNode?.value ?? '',
    path: result.path && 'value' in result.path ? String(result.path.value) : null,
    message: result.message.map((message) => message.value).join('; '),
  }));
}

import fs from 'node:fs';
import path from 'node:path';
import { findCatalogDocument, readCatalogDocuments } from './catalogDocuments';
import { setAnnotations } from './setAnnotations';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '../__fixtures__', name), 'utf8');

function edit(text: string, annotations: Record<string, string>, ref?: string) {
  const target = findCatalogDocument(
    readCatalogDocuments(text, 'catalog-info.yaml'),
    'catalog-info.yaml',
    ref,
  );
  return setAnnotations(text, target, annotations);
}

describe('setAnnotations', () => {
  it('replaces a value in place and appends new annotations after the last one, leaving every other byte of a multi-document file as it was', () => {
    const text = fixture('shop-catalog-info.yaml');
    const edited = edit(
      text,
      {
        'lookout.dev/slo-availability': '99.9',
        'lookout.dev/metrics-port': 'http-metrics',
      },
      'component:default/checkout',
    );
    const expected = text.replace(
      "    lookout.dev/slo-availability: '99.5'\n",
      '    lookout.dev/slo-availability: "99.9"\n' +
        '    lookout.dev/metrics-port: http-metrics\n',
    );
    expect(edited).toBe(expected);
  });

  it('writes a list of SLO definitions as a block scalar indented under its key', () => {
    const text = fixture('shop-catalog-info.yaml');
    const slos = '- name: orders\n  objective: 99\n';
    const edited = edit(text, { 'lookout.dev/slos': slos }, 'checkout');
    expect(edited).toBe(
      text.replace(
        "    lookout.dev/slo-availability: '99.5'\n",
        "    lookout.dev/slo-availability: '99.5'\n" +
          '    lookout.dev/slos: |\n' +
          '      - name: orders\n' +
          '        objective: 99\n',
      ),
    );
  });

  it('adds an annotations map to an entity without one, at the file’s own indentation', () => {
    const text = fixture('single-component.yaml');
    const edited = edit(text, {
      'lookout.dev/slo-availability': '99.9',
      'lookout.dev/logs-selector': '{app="search"}',
    });
    expect(edited).toBe(
      text.replace(
        '    tags: [search, "elastic"]\n',
        '    tags: [search, "elastic"]\n' +
          '    annotations:\n' +
          '        lookout.dev/slo-availability: "99.9"\n' +
          '        lookout.dev/logs-selector: \'{app="search"}\'\n',
      ),
    );
  });

  it('replaces a block scalar with a one-line value and keeps the blank line after it', () => {
    const text =
      'kind: Component\napiVersion: backstage.io/v1alpha1\nmetadata:\n  name: a\n  annotations:\n' +
      '    lookout.dev/slos: |\n      - name: x\n        objective: 99\n\n' +
      '    lookout.dev/runbook-url: https://runbooks.example.com/a\n';
    expect(edit(text, { 'lookout.dev/slos': '[]' })).toBe(
      'kind: Component\napiVersion: backstage.io/v1alpha1\nmetadata:\n  name: a\n  annotations:\n' +
        '    lookout.dev/slos: "[]"\n\n' +
        '    lookout.dev/runbook-url: https://runbooks.example.com/a\n',
    );
  });

  it('edits a file without a final newline', () => {
    const text =
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  annotations:\n    x.io/y: z';
    expect(edit(text, { 'lookout.dev/metrics-port': '8080' })).toBe(
      `${text}\n    lookout.dev/metrics-port: "8080"\n`,
    );
  });

  it('falls back to the Document API for flow-style metadata, keeping the other documents and the values', () => {
    const text = fixture('flow-metadata.yaml');
    const edited = edit(text, { 'lookout.dev/slo-availability': '99' });
    const [document] = readCatalogDocuments(edited, 'x');
    expect(document.entity.metadata.annotations).toEqual({
      'github.com/project-slug': 'acme/legacy',
      'lookout.dev/slo-availability': '99',
    });
    expect(document.entity.spec).toEqual({
      type: 'service',
      owner: 'team-legacy',
      lifecycle: 'deprecated',
    });
  });
});

describe('findCatalogDocument', () => {
  const text = fixture('shop-catalog-info.yaml');
  const documents = readCatalogDocuments(text, 'catalog-info.yaml');

  it('asks for a ref when the file holds several entities, listing them', () => {
    expect(() => findCatalogDocument(documents, 'catalog-info.yaml')).toThrow(
      'entityRef: catalog-info.yaml holds 4 entities (system:default/shop, component:default/checkout, api:default/checkout-api, resource:default/checkout-db)',
    );
  });

  it('names the entities it has when the ref matches none', () => {
    expect(() =>
      findCatalogDocument(
        documents,
        'catalog-info.yaml',
        'component:default/cart',
      ),
    ).toThrow(
      'entityRef: catalog-info.yaml has no entity component:default/cart',
    );
  });

  it('matches refs without case, with the kind and namespace defaults of the catalog', () => {
    expect(
      findCatalogDocument(documents, 'catalog-info.yaml', 'API:checkout-api')
        .entityRef,
    ).toBe('api:default/checkout-api');
  });

  it('names the file and line of a YAML syntax error', () => {
    expect(() =>
      readCatalogDocuments(
        'kind: Component\nmetadata:\n  name: [a\n',
        'catalog-info.yaml',
      ),
    ).toThrow(/^catalog-info\.yaml: .*at line \d+, column \d+/s);
  });
});

// ajv and ajv-formats come with fastify; they are CommonJS, so their classes sit on `.default`.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * Compiles schemas of an OpenAPI document (JSON Schema 2020-12) with its `#/components` resolvable:
 * each `$ref` is rewritten to point into the components, added once under a base id. `check`
 * answers null when the value fits, else ajv's description of what does not.
 */
export function openApiSchemas(doc: { components?: unknown }, separator = ', ') {
  const base = 'https://supplier-signal-registry.test/openapi.json';
  const ajv = new Ajv2020Module.default({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
  addFormatsModule.default(ajv);
  ajv.addSchema({ $id: base, components: doc.components });
  const rewriteRefs = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(rewriteRefs)
      : node && typeof node === 'object'
        ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${base}${v}` : rewriteRefs(v)]))
        : node;
  return {
    /** A checker for values against `schema`. */
    compile: (schema: object) => {
      const validate = ajv.compile(rewriteRefs(schema) as object);
      return (value: unknown): string | null => (validate(value) ? null : ajv.errorsText(validate.errors, { separator }));
    },
  };
}

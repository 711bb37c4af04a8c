import { TestApp } from '../../support/test-app';

/** The parts of an OpenAPI 3 schema object the ledger's DTOs use. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One path × method of the document. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The OpenAPI path, e.g. `/assets/{assetId}/valuations`. */
  path: string;
  /** `POST /assets/{assetId}/valuations`: how tests name it. */
  key: string;
  pathParams: string[];
  requiredQuery: Parameter[];
  /** The application/json request body schema, if the route documents one. */
  body?: Schema;
  description?: string;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Commands write; everything else reads. */
export const isCommand = (op: Operation) => op.method !== 'get';

/** Every operation `GET /docs-json` documents, in document order. */
export async function readOpenApi(t: TestApp): Promise<{
  document: OpenApiDocument;
  operations: Operation[];
}> {
  const response = await t.http().get('/docs-json').expect(200);
  const document = response.body as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const parameters = op.parameters ?? [];
      operations.push({
        method: method as Operation['method'],
        path,
        key: `${method.toUpperCase()} ${path}`,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        requiredQuery: parameters.filter((p) => p.in === 'query' && p.required),
        body: op.requestBody?.content?.['application/json']?.schema,
        description: op.description,
      });
    }
  }
  return { document, operations };
}

/** Follows `$ref`s (and a lone `allOf: [$ref]`, how Nest documents a described nested DTO). */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 20; hops++) {
    if (current.$ref) {
      const name = current.$ref.replace('#/components/schemas/', '');
      const target = document.components?.schemas?.[name];
      if (!target) throw new Error(`The document has no schema ${current.$ref}`);
      current = target;
    } else if (current.allOf?.length === 1 && !current.properties) {
      current = current.allOf[0];
    } else {
      return current;
    }
  }
  throw new Error('$ref cycle in the OpenAPI document');
}

/** The kind of a schema after resolving it. */
export function kindOf(schema: Schema): string | undefined {
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.oneOf) return 'oneOf';
  return undefined;
}

/**
 * A body shaped the way the schema says, from its examples, enums and formats: every required
 * field and every optional one, so that if a route let a request through that it should refuse,
 * the request would stand a fair chance of writing (and the hole would show).
 */
export function sampleBody(
  document: OpenApiDocument,
  schema: Schema,
  idFor: (field: string) => string,
  field = '',
  depth = 0,
): unknown {
  const s = resolve(document, schema);
  if (depth > 8) return undefined;
  if (s.oneOf) return sampleBody(document, s.oneOf[0], idFor, field, depth + 1);
  if (s.format === 'uuid') return idFor(field);
  const items = s.items && resolve(document, s.items);
  if (items?.format === 'uuid') return [idFor(field)];
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  switch (kindOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(s.properties ?? {})) {
        const value = sampleBody(document, property, idFor, name, depth + 1);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'array':
      return s.items ? [sampleBody(document, s.items, idFor, field, depth + 1)] : [];
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      return 'Sample text';
    default:
      return {};
  }
}

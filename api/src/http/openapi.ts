import { z } from 'zod';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency';
import type { AnyRoute } from './route';

const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable English error code'),
    message: z.string().describe('Message for people, in Simplified Chinese'),
    details: z.unknown().optional(),
  }),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
}

/**
 * A recursive schema (the station tree) comes out with its own `$defs` and `$ref: '#/$defs/…'`. Inside an OpenAPI
 * document `#` is the document, so those references resolve nowhere; the definitions move to components.schemas
 * under a name unique to the operation, and the references follow.
 */
function hoistDefs(schema: Record<string, unknown>, prefix: string, components: Record<string, unknown>) {
  const defs = schema.$defs as Record<string, unknown> | undefined;
  if (!defs) return schema;
  delete schema.$defs;
  const renamed = new Map(Object.keys(defs).map((k) => [`#/$defs/${k}`, `${prefix}_${k.replace(/^_+/, '')}`]));
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && renamed.has(v) ? `#/components/schemas/${renamed.get(v)}` : rewrite(v)]));
  };
  for (const [k, def] of Object.entries(defs)) components[renamed.get(`#/$defs/${k}`)!] = rewrite(def);
  return rewrite(schema) as Record<string, unknown>;
}

function strictJsonSchema(schema: z.ZodObject<z.ZodRawShape>, io: 'input' | 'output') {
  return jsonSchema(schema.strict(), io);
}

/** Builds the OpenAPI 3.1 document from the same route definitions that validate requests. */
/** A form's fields as JSON Schema; fields described as 'binary' are file parts (`format: binary`, OpenAPI 3.1). */
function multipartSchema(form: z.ZodObject<z.ZodRawShape>) {
  const schema = strictJsonSchema(form, 'input') as { properties?: Record<string, Record<string, unknown>> };
  for (const [name, field] of Object.entries(form.shape)) {
    if ((field as z.ZodType).description === 'binary' && schema.properties?.[name]) {
      schema.properties[name] = { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' };
    }
  }
  return schema;
}

export function buildOpenApi(groups: readonly { prefix: string; routes: readonly AnyRoute[] }[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = { Error: jsonSchema(errorSchema, 'output') };
  for (const { prefix, routes } of groups) for (const r of routes) {
    const oaPath = prefix + r.path.replace(/:(\w+)/g, '{$1}');
    const operationId = `${r.method}_${r.path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      for (const [name, field] of Object.entries(schema.shape)) {
        const f = field as z.ZodType;
        parameters.push({ name, in: where, required: where === 'path' || !f.safeParse(undefined).success, schema: jsonSchema(f, 'input') });
      }
    }
    if (r.idempotencyKey) {
      parameters.push({
        name: 'Idempotency-Key', in: 'header', required: r.idempotencyKey === 'required',
        description: 'One key per intended action (a fresh one per form): a replay answers the first result and creates nothing',
        schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      responses[status] = spec.schema
        ? { description: spec.description, content: { [spec.contentType ?? 'application/json']: { schema: hoistDefs(jsonSchema(spec.schema, 'output'), `${operationId}_${status}`, schemas) } } }
        : { description: spec.description };
    }
    // 431 comes from Node itself, for any request whose request line and headers pass 16 KiB (a long query string).
    const errors: Record<string, string> = { 400: 'Invalid input', 431: 'Request line and headers over 16 KiB (REQUEST_HEADERS_TOO_LARGE)', 500: 'Unexpected error' };
    if (r.body) {
      errors[413] = 'Body too large';
      errors[415] = 'Body is not JSON';
    }
    if (r.multipart) {
      errors[413] = 'File too large';
      errors[415] = 'Not multipart/form-data, or a file type that is not allowed';
    }
    if (r.access.kind !== 'public') errors[401] = 'Missing, invalid or expired token';
    if (r.access.kind === 'staff') errors[403] = 'Role or station scope does not allow this, or PASSWORD_CHANGE_REQUIRED until a one-time password is replaced';
    for (const [status, codes] of Object.entries(r.errors ?? {})) errors[status] = codes;
    for (const [status, description] of Object.entries(errors)) {
      responses[status] ??= { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    paths[oaPath] ??= {};
    paths[oaPath][r.method] = {
      summary: r.summary,
      tags: r.tags,
      operationId,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: strictJsonSchema(r.body, 'input') } } } } : {}),
      ...(r.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: multipartSchema(r.multipart) } } } } : {}),
      responses,
      ...(r.access.kind === 'public' ? {} : { security: [{ [r.access.kind === 'resident' ? 'residentToken' : 'staffToken']: [] }] }),
      ...(r.access.kind === 'staff' ? { 'x-roles': r.access.roles } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        residentToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Resident token from /auth/wechat or /auth/dev-login' },
        staffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Staff access token from /auth/staff/login' },
      },
    },
  };
}

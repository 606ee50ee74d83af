import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { z } from 'zod';
import { AppError, ValidationError } from './errors';
import { readIdempotencyKey } from './idempotency';

export const ROLES = ['editor', 'reviewer', 'station_staff', 'district_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route. Staff routes list their roles explicitly; nothing is allowed by default. */
export type Access =
  | { kind: 'public' }
  | { kind: 'resident' }
  | { kind: 'staff'; roles: readonly Role[] };

type ObjectSchema = z.ZodObject<z.ZodRawShape>;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
  /** The Idempotency-Key header, for routes that declare `idempotencyKey`. */
  idempotencyKey: string | undefined;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface RouteDef<B extends ObjectSchema | undefined, Q extends ObjectSchema | undefined, P extends ObjectSchema | undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tags: string[];
  access: Access;
  body?: B;
  /**
   * A multipart/form-data body the handler reads as a stream (uploads) instead of a JSON `body`: the form fields
   * it accepts, for the OpenAPI document (binary fields as `z.string().describe('binary')`).
   */
  multipart?: z.ZodObject<z.ZodRawShape>;
  query?: Q;
  params?: P;
  /**
   * The route honours an Idempotency-Key header (a replay answers the first result and changes nothing);
   * 'required' refuses a request without one (400 IDEMPOTENCY_KEY_REQUIRED). Documented as a header parameter.
   */
  idempotencyKey?: 'required' | 'optional';
  /** Success responses with their schemas; error responses are added from `access` and the validators. */
  responses: Record<number, ResponseSpec>;
  /** Further error statuses this route can answer, with the codes it uses (e.g. `{ 404: 'STATION_NOT_FOUND' }`). */
  errors?: Record<number, string>;
  handler: (ctx: Context, input: RouteInput<B, Q, P>) => Promise<void> | void;
}

// Erased form stored in registries: the concrete schema types only matter where a route is written.
export type AnyRoute = RouteDef<ObjectSchema | undefined, ObjectSchema | undefined, ObjectSchema | undefined>;

/** Declares a route: its schemas are the validator, the handler's types and the OpenAPI document at once. */
export function defineRoute<
  B extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  P extends ObjectSchema | undefined = undefined,
>(def: RouteDef<B, Q, P>): AnyRoute {
  if (['post', 'put', 'patch'].includes(def.method) && !def.body === !def.multipart) {
    throw new Error(`${def.method.toUpperCase()} ${def.path} must declare a body schema or a multipart form (one of them)`);
  }
  const declaredParams = [...def.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  if (declaredParams.length && !def.params) {
    throw new Error(`${def.method.toUpperCase()} ${def.path} must declare a params schema`);
  }
  if (!Object.keys(def.responses).some((s) => Number(s) < 400)) {
    throw new Error(`${def.method.toUpperCase()} ${def.path} must declare its success response`);
  }
  return def as unknown as AnyRoute;
}

export interface Authenticators {
  resident: Middleware;
  staff: (roles: readonly Role[]) => Middleware;
}

/** The number schema under optional/default wrappers, if the field is one (query numbers are z.coerce.number()). */
function isNumberField(field: z.ZodType): boolean {
  let def = (field as { def?: { type?: string; innerType?: z.ZodType } }).def;
  while (def?.innerType) def = (def.innerType as { def?: { type?: string; innerType?: z.ZodType } }).def;
  return def?.type === 'number';
}

/**
 * Query and path values are text, so numbers there are coerced, and coercion reads a blank ('?lat=') as 0: a place
 * in the ocean off Africa instead of "no location". A blank value for a number is refused instead.
 */
function refuseBlankNumbers(schema: ObjectSchema, value: unknown, where: 'query' | 'params') {
  if (!value || typeof value !== 'object') return;
  const blank = Object.entries(value as Record<string, unknown>)
    .filter(([k, v]) => typeof v === 'string' && v.trim() === '' && schema.shape[k] && isNumberField(schema.shape[k] as z.ZodType))
    .map(([k]) => ({ in: where, path: k, code: 'invalid_type', message: '请填写数字' }));
  if (blank.length) throw new ValidationError(blank);
}

/** Parses against a strict version of the schema: unknown keys and operator objects are a 400, never a query. */
export function parseStrict<S extends ObjectSchema>(schema: S, value: unknown, where: 'body' | 'query' | 'params'): z.output<S> {
  if (where !== 'body') refuseBlankNumbers(schema, value, where);
  const result = schema.strict().safeParse(value ?? {});
  if (!result.success) {
    throw new ValidationError(
      result.error.issues.map((i) => ({
        in: where,
        path: i.path.join('.'),
        code: i.code,
        message: i.message,
      })),
    );
  }
  return result.data as z.output<S>;
}

/** Mounts routes in a fixed order: authenticate → authorize → content type → validate → handler. */
export function mountRoutes(router: Router, routes: readonly AnyRoute[], auth: Authenticators): void {
  // A literal path (/admin/articles/preview) is its own resource, even where a `:id` route of another method
  // (GET /admin/articles/:id) also matches it: such requests get 405 with the literal path's methods.
  const literalMethods = new Map<string, string[]>();
  for (const r of routes) {
    if (r.path.includes(':')) continue;
    const methods = r.method === 'get' ? ['GET', 'HEAD'] : [r.method.toUpperCase()];
    literalMethods.set(r.path, [...(literalMethods.get(r.path) ?? []), ...methods]);
  }
  const prefix = router.opts.prefix ?? '';
  const literalGuard: Middleware = async (ctx, next) => {
    const allowed = literalMethods.get(ctx.path.slice(prefix.length));
    if (allowed) throw new AppError(405, 'METHOD_NOT_ALLOWED', '不支持此操作', undefined, { Allow: allowed.join(', ') });
    await next();
  };
  for (const route of routes) {
    const chain: Middleware[] = [];
    if (route.path.includes(':')) chain.push(literalGuard);
    if (route.access.kind === 'resident') chain.push(auth.resident);
    if (route.access.kind === 'staff') chain.push(auth.staff(route.access.roles));
    chain.push(async (ctx) => {
      if (route.body && !ctx.is('application/json')) {
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交 (Content-Type: application/json)');
      }
      if (route.multipart && !ctx.is('multipart/form-data')) {
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以表单文件方式上传 (Content-Type: multipart/form-data)');
      }
      const input = {
        params: route.params ? parseStrict(route.params, ctx.params, 'params') : undefined,
        query: parseStrict(route.query ?? z.object({}), ctx.query, 'query'),
        body: route.body ? parseStrict(route.body, (ctx.request as { body?: unknown }).body, 'body') : undefined,
        idempotencyKey: route.idempotencyKey ? readIdempotencyKey(ctx, route.idempotencyKey === 'required') : undefined,
      };
      await route.handler(ctx, input as unknown as RouteInput<undefined, undefined, undefined>);
    });
    router[route.method](route.path, ...chain);
  }
}

/**
 * A Mongoose length limit counted in characters (Unicode code points), the way the request schemas and the
 * OpenAPI `maxLength` count them. Mongoose's own `maxlength` counts UTF-16 units, so a name with emoji that the
 * API accepted would fail on save with a 500; every model uses this instead.
 */
export function maxChars(limit: number) {
  return {
    validator: (v: unknown) => v === null || v === undefined || (typeof v === 'string' && [...v].length <= limit),
    message: `{PATH} is longer than ${limit} characters`,
  };
}

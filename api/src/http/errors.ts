// One error hierarchy. Services throw these; error-handler.ts turns them into the one envelope
// { error: { code, message, details } }. Messages are Simplified Chinese (residents may see them); codes are stable English.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(details: unknown, message = '提交的内容不符合要求，请检查后再试') {
    super(400, 'VALIDATION_FAILED', message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(code = 'UNAUTHENTICATED', message = '请先登录') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = 'FORBIDDEN', message = '没有权限进行此操作') {
    super(403, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(code = 'NOT_FOUND', message = '没有找到相关内容') {
    super(404, code, message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

export class LockedError extends AppError {
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(423, code, message, { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
  }
}

export class UnavailableError extends AppError {
  constructor(code: string, message: string, retryAfterSeconds?: number) {
    super(503, code, message, undefined, retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined);
  }
}

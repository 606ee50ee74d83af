// The one place where the admin site turns API error codes into Chinese messages for staff.
//
// The API's error envelope is `{ error: { code, message, details? } }`, and for 4xx answers `message` is
// already Chinese, written for the user (e.g. "用户名或密码不正确", or a lockout message that says how long
// to wait). We show that message when it is Chinese text. Anything else (no envelope, an English framework
// message, a proxy's HTML error page, a 5xx) is replaced by the message mapped here from the code, then
// from the HTTP status.

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    /** The API's error code, or one of the client-side codes below. */
    readonly code: string,
    /** Chinese, ready to show to the user. */
    message: string,
    /** Field-level details from VALIDATION_FAILED, passed through untouched. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Codes the client itself produces when there is no usable answer from the API. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  unexpectedResponse: 'UNEXPECTED_RESPONSE',
} as const;

export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  INVALID_CREDENTIALS: '用户名或密码不正确',
  ACCOUNT_LOCKED: '账号因多次登录失败已被暂时锁定，请稍后再试',
  VALIDATION_FAILED: '提交的内容不符合要求，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  REFRESH_TOKEN_INVALID: '登录已失效，请重新登录',
  FORBIDDEN: '你没有权限执行此操作',
  NOT_FOUND: '请求的内容不存在或已被删除',
  PASSWORD_CHANGE_REQUIRED: '为了账号安全，请先修改密码再继续使用',
  CURRENT_PASSWORD_INCORRECT: '当前密码不正确',
  PASSWORD_TOO_WEAK: '新密码不符合密码规则，请换一个',
  PASSWORD_REUSED: '新密码不能与当前密码相同',
  PASSWORD_CHANGE_CONFLICT: '密码刚刚已经修改过了，请使用新密码',
  [CLIENT_ERROR_CODES.network]: '网络连接失败，请检查网络后重试',
  [CLIENT_ERROR_CODES.unexpectedResponse]: '服务器返回了无法识别的内容，请稍后重试',
};

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: '请求有误，请检查后重试',
  401: '请先登录',
  403: '你没有权限执行此操作',
  404: '请求的内容不存在或已被删除',
  409: '数据已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  423: '账号已被暂时锁定，请稍后再试',
  429: '操作过于频繁，请稍后再试',
};

const SERVER_FAILURE_MESSAGE = '服务暂时不可用，请稍后再试';
const GENERIC_MESSAGE = '操作失败，请稍后再试';

const HAS_CHINESE = /[\u4e00-\u9fff]/;

export function messageFor(status: number, code: string, serverMessage?: string): string {
  if (status < 500 && serverMessage && HAS_CHINESE.test(serverMessage)) return serverMessage;
  const mapped = ERROR_MESSAGES[code] ?? STATUS_MESSAGES[status];
  if (mapped) return mapped;
  return status >= 500 ? SERVER_FAILURE_MESSAGE : GENERIC_MESSAGE;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Builds the ApiError for a non-2xx answer; `body` is the parsed JSON, or null when there was none. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = envelope && typeof envelope.code === 'string' ? envelope.code : `HTTP_${status}`;
  const serverMessage = envelope && typeof envelope.message === 'string' ? envelope.message : undefined;
  return new ApiError(status, code, messageFor(status, code, serverMessage), envelope?.details);
}

export function clientError(code: (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES]): ApiError {
  return new ApiError(0, code, messageFor(0, code));
}

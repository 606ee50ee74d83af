// The 修改密码 form's logic, without React: checks that need no server, and where the API's refusals belong.
// The password policy itself is the server's (api/src/modules/auth/password.ts); its Chinese reason is shown as is.
import type { ApiError } from '../../../services/errors';

export interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export type ChangePasswordField = keyof ChangePasswordForm;

/** Shown under 新密码 so nobody has to guess; the server decides. */
export const PASSWORD_RULES_HINT = '至少 12 位，包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名';

export const REQUIRED_MESSAGES: Record<ChangePasswordField, string> = {
  currentPassword: '请输入当前密码',
  newPassword: '请输入新密码',
  confirmPassword: '请再次输入新密码',
};

/** 新密码 compared with 当前密码: keeping the password someone else has seen defeats the purpose. */
export function newPasswordProblem(currentPassword: string | undefined, newPassword: string | undefined): string | null {
  if (newPassword && currentPassword && newPassword === currentPassword) return '新密码不能与当前密码相同';
  return null;
}

/** 再次输入 compared with 新密码. */
export function confirmProblem(newPassword: string | undefined, confirmPassword: string | undefined): string | null {
  if (confirmPassword && confirmPassword !== newPassword) return '两次输入的新密码不一致';
  return null;
}

/** Every problem the form can find by itself, by field; empty when it may be sent. */
export function formProblems(values: Partial<ChangePasswordForm>): Partial<Record<ChangePasswordField, string>> {
  const problems: Partial<Record<ChangePasswordField, string>> = {};
  for (const field of Object.keys(REQUIRED_MESSAGES) as ChangePasswordField[]) {
    if (!values[field]) problems[field] = REQUIRED_MESSAGES[field];
  }
  const reused = newPasswordProblem(values.currentPassword, values.newPassword);
  if (reused) problems.newPassword = reused;
  const mismatch = confirmProblem(values.newPassword, values.confirmPassword);
  if (mismatch) problems.confirmPassword = mismatch;
  return problems;
}

const FIELD_BY_CODE: Readonly<Record<string, ChangePasswordField>> = {
  CURRENT_PASSWORD_INCORRECT: 'currentPassword',
  PASSWORD_TOO_WEAK: 'newPassword',
  PASSWORD_REUSED: 'newPassword',
};

function detailField(details: unknown): ChangePasswordField | null {
  if (!Array.isArray(details)) return null;
  for (const d of details as unknown[]) {
    const path = typeof d === 'object' && d !== null && 'path' in d ? d.path : null;
    if (path === 'currentPassword' || path === 'newPassword') return path;
  }
  return null;
}

/**
 * Where a refusal from the API is shown: under the field it is about, or above the button (field null) when it
 * concerns the whole attempt (locked account, a change that already happened, the network).
 */
export function placeError(err: Pick<ApiError, 'code' | 'message' | 'details'>): { field: ChangePasswordField | null; message: string } {
  const field = FIELD_BY_CODE[err.code] ?? (err.code === 'VALIDATION_FAILED' ? detailField(err.details) : null);
  return { field, message: err.message };
}

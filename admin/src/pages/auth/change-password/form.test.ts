import { ApiError } from '../../../services/errors';
import { confirmProblem, formProblems, newPasswordProblem, placeError } from './form';

describe('修改密码 form checks', () => {
  test('an empty form names every field in Chinese', () => {
    expect(formProblems({})).toEqual({
      currentPassword: '请输入当前密码',
      newPassword: '请输入新密码',
      confirmPassword: '请再次输入新密码',
    });
  });

  test('a complete form with matching new passwords has no problems', () => {
    expect(formProblems({ currentPassword: 'Old-one-time#1', newPassword: 'Quiet-river-42!', confirmPassword: 'Quiet-river-42!' })).toEqual({});
  });

  test('the second entry must repeat the new password exactly', () => {
    expect(confirmProblem('Quiet-river-42!', 'Quiet-river-42')).toBe('两次输入的新密码不一致');
    expect(confirmProblem('Quiet-river-42!', 'quiet-river-42!')).toBe('两次输入的新密码不一致');
    expect(confirmProblem('Quiet-river-42!', 'Quiet-river-42!')).toBeNull();
    // Not yet typed: the required rule speaks, not this one.
    expect(confirmProblem('Quiet-river-42!', '')).toBeNull();
    expect(formProblems({ currentPassword: 'a', newPassword: 'Quiet-river-42!', confirmPassword: 'other' })).toEqual({
      confirmPassword: '两次输入的新密码不一致',
    });
  });

  test('the new password may not be the current one', () => {
    expect(newPasswordProblem('Same-pass-123!', 'Same-pass-123!')).toBe('新密码不能与当前密码相同');
    expect(newPasswordProblem('Same-pass-123!', 'Other-pass-123!')).toBeNull();
    expect(newPasswordProblem(undefined, 'Other-pass-123!')).toBeNull();
    expect(formProblems({ currentPassword: 'Same-pass-123!', newPassword: 'Same-pass-123!', confirmPassword: 'Same-pass-123!' })).toEqual({
      newPassword: '新密码不能与当前密码相同',
    });
  });
});

describe('where an API refusal is shown', () => {
  test.each([
    ['CURRENT_PASSWORD_INCORRECT', 400, '当前密码不正确', 'currentPassword'],
    ['PASSWORD_TOO_WEAK', 400, '密码至少需要12位', 'newPassword'],
    ['PASSWORD_TOO_WEAK', 400, '密码需包含大写字母、小写字母、数字、符号中的至少三类', 'newPassword'],
    ['PASSWORD_REUSED', 400, '新密码不能与当前密码相同', 'newPassword'],
    ['ACCOUNT_LOCKED', 423, '密码错误次数过多，账号已锁定，请在 15 分钟后再试', null],
    ['PASSWORD_CHANGE_CONFLICT', 409, '密码刚刚已经修改过了，请使用新密码', null],
    ['NETWORK_ERROR', 0, '网络连接失败，请检查网络后重试', null],
  ])('%s (%s) → %s under %s', (code, status, message, field) => {
    expect(placeError(new ApiError(status, code, message))).toEqual({ field, message });
  });

  test('a validation failure goes under the field its details name', () => {
    const err = new ApiError(400, 'VALIDATION_FAILED', '提交的内容不符合要求，请检查后再试', [
      { in: 'body', path: 'newPassword', code: 'too_big', message: 'Too big' },
    ]);
    expect(placeError(err)).toEqual({ field: 'newPassword', message: '提交的内容不符合要求，请检查后再试' });
    expect(placeError(new ApiError(400, 'VALIDATION_FAILED', 'x', [{ path: 'username' }]))).toEqual({ field: null, message: 'x' });
    expect(placeError(new ApiError(400, 'VALIDATION_FAILED', 'x', 'not a list'))).toEqual({ field: null, message: 'x' });
  });
});

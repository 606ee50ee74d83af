import { CHANGE_PASSWORD_PATH, allowedPath } from './auth';
import { parseStaffUser } from './types';

describe('the forced password change', () => {
  test('a user who must change the password can only go to 修改密码', () => {
    for (const wanted of ['/', '/stations', '/staff?x=1', '/bookings/12']) {
      expect(allowedPath({ mustChangePassword: true }, wanted)).toBe(CHANGE_PASSWORD_PATH);
    }
  });

  test('anyone else goes where they asked', () => {
    expect(allowedPath({ mustChangePassword: false }, '/stations')).toBe('/stations');
    expect(allowedPath({}, '/')).toBe('/');
  });

  test('the flag is read from the API user only when it is exactly true', () => {
    const base = { id: 'u', username: 'a', displayName: 'A', role: 'editor', stationId: null, stationName: null };
    expect(parseStaffUser({ ...base, mustChangePassword: true }).mustChangePassword).toBe(true);
    expect(parseStaffUser({ ...base, mustChangePassword: 'true' }).mustChangePassword).toBe(false);
    expect(parseStaffUser(base).mustChangePassword).toBe(false);
  });
});

// Checks for the "新建站点账号" form before it is sent. Pure; the server validates again.

export interface StaffFormValues {
  username?: string;
  displayName?: string;
  stationId?: string;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

export function staffCreateBody(
  v: StaffFormValues,
): { ok: true; body: { username: string; displayName: string; stationId: string } } | { ok: false; error: string } {
  const username = (v.username ?? '').trim();
  const displayName = (v.displayName ?? '').trim();
  if (!USERNAME.test(username)) return { ok: false, error: '登录名为 3–32 位字母、数字或 _ . -' };
  if (!displayName) return { ok: false, error: '请填写姓名' };
  if (displayName.length > 32) return { ok: false, error: '姓名请控制在 32 字以内' };
  if (!v.stationId) return { ok: false, error: '请选择所属站点' };
  return { ok: true, body: { username, displayName, stationId: v.stationId } };
}

// The four staff roles the API issues (architecture.md, "Identity and roles") and how the UI names them.

export const ROLES = ['editor', 'reviewer', 'station_staff', 'district_admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  editor: '编辑',
  reviewer: '审核员',
  station_staff: '站点工作人员',
  district_admin: '区级管理员',
};

/** antd Tag colours, one per role, so a role reads the same everywhere. */
export const ROLE_TAG_COLORS: Record<Role, string> = {
  editor: 'blue',
  reviewer: 'purple',
  station_staff: 'green',
  district_admin: 'gold',
};

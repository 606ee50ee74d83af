// What the signed-in user may see in the admin UI. Pure: no React, no storage, no requests.
//
// The API checks every request on its own; these flags only decide which menu items and routes the UI
// offers, so a user is never shown a page the server would refuse. Deny by default: no user, or a role
// this build does not know, gets no flags at all.
import { isRole, type Role } from './roles';

export interface AccessFlags {
  /** 工作台 */
  canViewDashboard: boolean;
  /** 文章管理, 媒体库 */
  canEditContent: boolean;
  /** 审核队列 */
  canReview: boolean;
  /** 预约收件箱 */
  canHandleBookings: boolean;
  /** 活动管理: activities of the stations in scope */
  canManageActivities: boolean;
  /** 咨询师管理: counselors in scope (district_admin: create, verify; station_staff: intro, schedules) */
  canManageCounselors: boolean;
  /** 站点信息: the user's own station and the stations under it */
  canViewOwnStations: boolean;
  /** 站点管理: every station in the district */
  canManageStations: boolean;
  /** 人员账号 */
  canManageStaff: boolean;
  /** 数据概览 */
  canViewStats: boolean;
}

export type AccessFlag = keyof AccessFlags;

const NO_ACCESS: AccessFlags = {
  canViewDashboard: false,
  canEditContent: false,
  canReview: false,
  canHandleBookings: false,
  canManageActivities: false,
  canManageCounselors: false,
  canViewOwnStations: false,
  canManageStations: false,
  canManageStaff: false,
  canViewStats: false,
};

const GRANTS: Record<Exclude<Role, 'district_admin'>, readonly AccessFlag[]> = {
  editor: ['canViewDashboard', 'canEditContent'],
  reviewer: ['canViewDashboard', 'canReview'],
  station_staff: ['canViewDashboard', 'canHandleBookings', 'canManageActivities', 'canManageCounselors', 'canViewOwnStations'],
};

export function accessFor(user: { role: string } | null | undefined): AccessFlags {
  if (!user || !isRole(user.role)) return { ...NO_ACCESS };
  // district_admin can do everything, including flags added later.
  if (user.role === 'district_admin') {
    const all = { ...NO_ACCESS };
    for (const flag of Object.keys(all) as AccessFlag[]) all[flag] = true;
    return all;
  }
  const flags = { ...NO_ACCESS };
  for (const flag of GRANTS[user.role]) flags[flag] = true;
  return flags;
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Types } from 'mongoose';
import type { Role } from '../../http/route';
import { hashPassword } from '../auth/password';
import type { StationsService, DemoStation } from '../stations/stations.service';
import { StaffModel } from './staff.model';
import { isDuplicateKey } from '../../db';

export interface BootstrapOptions {
  dataDir: string;
  isProduction: boolean;
  adminInitialPassword: string | undefined;
  demoPassword: string;
  demoStations: readonly DemoStation[];
  print: (line: string) => void;
}

async function ensureStaff(username: string, displayName: string, role: Role, password: string, extra: { stationId?: Types.ObjectId; demo?: boolean; mustChangePassword?: boolean } = {}) {
  const passwordHash = await hashPassword(password);
  // Upsert on the unique lower-cased username: several API instances starting at once create one account.
  try {
    const res = await StaffModel.updateOne(
      { usernameLower: username.toLowerCase() },
      { $setOnInsert: { username, usernameLower: username.toLowerCase(), displayName, role, passwordHash, stationId: extra.stationId ?? null, demo: extra.demo ?? false, mustChangePassword: extra.mustChangePassword ?? false } },
      { upsert: true },
    );
    return res.upsertedCount > 0;
  } catch (e) {
    if (isDuplicateKey(e)) return false; // another instance created it first
    throw e;
  }
}

/**
 * First start: with no staff account at all, create `admin` (district_admin). Outside production an empty
 * database also gets the demo station tree and one demo account per role and per demo station.
 */
export async function bootstrapStaff(stations: StationsService, opts: BootstrapOptions): Promise<void> {
  const anyStaff = await StaffModel.exists({});
  if (!anyStaff) {
    const generated = !opts.adminInitialPassword;
    const password = opts.adminInitialPassword ?? crypto.randomBytes(12).toString('base64url') + 'a1!';
    // Both a generated password (printed, saved to a file) and ADMIN_INITIAL_PASSWORD (in the deployment's
    // configuration) are known beyond the admin: the first login must replace it. Demo accounts are not flagged.
    if (await ensureStaff('admin', '系统管理员', 'district_admin', password, { mustChangePassword: true })) {
      if (generated) {
        const file = path.join(opts.dataDir, 'initial-admin-password.txt');
        fs.mkdirSync(opts.dataDir, { recursive: true });
        fs.writeFileSync(file, password + '\n', { mode: 0o600 });
        opts.print(`首次启动：已创建管理员账号 admin，初始密码 ${password}（只显示这一次，也保存在 ${file}；首次登录后须修改密码）`);
      } else {
        opts.print('首次启动：已创建管理员账号 admin（密码来自 ADMIN_INITIAL_PASSWORD，首次登录后须修改密码）');
      }
    }
    if (!opts.isProduction) await seedDemo(stations, opts);
  }
}

async function seedDemo(stations: StationsService, opts: BootstrapOptions) {
  const ids = await stations.seedStations(opts.demoStations);
  const p = opts.demoPassword;
  await ensureStaff('demo-editor', '演示编辑', 'editor', p, { demo: true });
  await ensureStaff('demo-reviewer', '演示审核员', 'reviewer', p, { demo: true });
  await ensureStaff('demo-admin', '演示区级管理员', 'district_admin', p, { demo: true });
  for (const s of opts.demoStations) {
    const stationId = ids.get(s.key);
    if (stationId) await ensureStaff(`station-${s.key}`, `${s.name}工作人员`, 'station_staff', p, { stationId, demo: true });
  }
  opts.print(`演示数据：${opts.demoStations.length} 个站点与演示账号（demo-editor、demo-reviewer、demo-admin、station-<站点>），密码见 README 的 DEMO_PASSWORD`);
}

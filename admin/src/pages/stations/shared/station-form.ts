// Station edit form ⇄ PATCH /admin/stations/:id body. Pure.
// Only changed fields are sent: a station_staff account may not send `name`/`policies` at all
// (403 DISTRICT_ADMIN_ONLY), and an untouched policy must not turn into an override by accident.
import type { Service } from '../../../services/bookings';
import type { PolicyField, Station, StationUpdate } from '../../../services/stations';

export const POLICY_FIELDS: readonly PolicyField[] = ['minNoticeHours', 'cancelWindowHours', 'horizonDays', 'maxUpcomingPerResident'];

export const POLICY_META: Record<PolicyField, { label: string; unit: string; min: number; max: number; integer: boolean; help: string }> = {
  minNoticeHours: { label: '最少提前预约', unit: '小时', min: 0, max: 168, integer: false, help: '离开始不到这么久的时段不再开放预约' },
  cancelWindowHours: { label: '居民自行取消截止', unit: '小时', min: 0, max: 168, integer: false, help: '开始前这么久以内，居民需打电话给站点取消' },
  horizonDays: { label: '可预约天数', unit: '天', min: 1, max: 60, integer: true, help: '居民能看到并预约未来多少天' },
  maxUpcomingPerResident: { label: '每人同时预约上限', unit: '次', min: 1, max: 2, integer: true, help: '一位居民最多同时有几次未完成的预约' },
};

export const SERVICE_OPTIONS: { value: Service; label: string }[] = [
  { value: 'individual', label: '个体咨询' },
  { value: 'family', label: '家庭咨询' },
  { value: 'group', label: '团体辅导' },
];

export interface PolicyFormValue {
  inherit: boolean;
  value: number | null;
}

export interface StationFormValues {
  name: string;
  address: string;
  phone: string;
  openingHours: string;
  intro: string;
  hasLocation: boolean;
  lat: number | null;
  lng: number | null;
  services: Service[];
  policies: Record<PolicyField, PolicyFormValue>;
}

export function stationFormValues(station: Station): StationFormValues {
  const overrides = station.policyOverrides;
  const policies = Object.fromEntries(
    POLICY_FIELDS.map((field) => {
      const own = overrides ? overrides[field] : undefined;
      // Without policyOverrides from the API we cannot tell inherited from own: show the effective value.
      const inherit = overrides ? own === null : false;
      return [field, { inherit, value: own ?? station.policies?.[field] ?? null }];
    }),
  ) as Record<PolicyField, PolicyFormValue>;
  return {
    name: station.name,
    address: station.address ?? '',
    phone: station.phone ?? '',
    openingHours: station.openingHours ?? '',
    intro: station.intro ?? '',
    hasLocation: Boolean(station.location),
    lat: station.location?.lat ?? null,
    lng: station.location?.lng ?? null,
    services: [...(station.services ?? [])],
    policies,
  };
}

const PHONE = /^[0-9+\-() ]{3,40}$/;

function sameServices(a: readonly Service[], b: readonly Service[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

export type PatchResult = { ok: true; body: StationUpdate } | { ok: false; error: string };

export function stationPatch(initial: StationFormValues, values: StationFormValues, isDistrictAdmin: boolean): PatchResult {
  const body: StationUpdate = {};
  const text = (key: 'address' | 'phone' | 'openingHours' | 'intro') => {
    const next = (values[key] ?? '').trim();
    if (next !== initial[key].trim()) body[key] = next;
  };
  text('address');
  text('phone');
  text('openingHours');
  text('intro');
  if (body.address !== undefined && !body.address) return { ok: false, error: '地址不能为空' };
  if (body.address !== undefined && body.address.length > 200) return { ok: false, error: '地址请控制在 200 字以内' };
  if (body.phone !== undefined && !PHONE.test(body.phone)) return { ok: false, error: '电话号码格式不正确' };
  if (body.openingHours !== undefined && body.openingHours.length > 200) return { ok: false, error: '开放时间请控制在 200 字以内' };
  if (body.intro !== undefined && body.intro.length > 2000) return { ok: false, error: '简介请控制在 2000 字以内' };

  if (values.hasLocation) {
    const { lat, lng } = values;
    if (lat === null || lng === null || !Number.isFinite(lat) || !Number.isFinite(lng)) return { ok: false, error: '请填写纬度和经度' };
    if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return { ok: false, error: '经纬度超出范围' };
    if (!initial.hasLocation || lat !== initial.lat || lng !== initial.lng) body.location = { lat, lng };
  } else if (initial.hasLocation) {
    body.location = null;
  }

  if (!sameServices(values.services, initial.services)) body.services = [...new Set(values.services)];

  if (isDistrictAdmin) {
    const name = values.name.trim();
    if (!name) return { ok: false, error: '站点名称不能为空' };
    if (name.length > 80) return { ok: false, error: '站点名称请控制在 80 字以内' };
    if (name !== initial.name.trim()) body.name = name;

    const policies: NonNullable<StationUpdate['policies']> = {};
    for (const field of POLICY_FIELDS) {
      const before = initial.policies[field];
      const after = values.policies[field];
      const meta = POLICY_META[field];
      if (after.inherit) {
        if (!before.inherit) policies[field] = null;
        continue;
      }
      const value = after.value;
      if (value === null || !Number.isFinite(value)) return { ok: false, error: `请填写“${meta.label}”，或选择继承上级` };
      if (value < meta.min || value > meta.max || (meta.integer && !Number.isInteger(value))) {
        return { ok: false, error: `“${meta.label}”应在 ${meta.min}–${meta.max} ${meta.unit}之间${meta.integer ? '（整数）' : ''}` };
      }
      if (before.inherit || before.value !== value) policies[field] = value;
    }
    if (Object.keys(policies).length) body.policies = policies;
  }
  return { ok: true, body };
}

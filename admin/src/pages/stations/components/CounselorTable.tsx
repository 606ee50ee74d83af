import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { listCounselors, verifyCounselor, type Counselor, type CredentialStatus } from '../../../services/counselors';
import { ApiError } from '../../../services/errors';
import type { Station } from '../../../services/stations';
import { chinaToday } from '../../bookings/shared/china-time';
import { CREDENTIAL_COLORS, CREDENTIAL_LABELS, credentialText, unbookableReasons } from '../shared/counselor-rules';
import { stationOptions } from '../shared/station-tree';
import CounselorFormDrawer from './CounselorFormDrawer';
import ScheduleDrawer from './ScheduleDrawer';

const PAGE_SIZE = 20;

interface Props {
  stations: Station[];
  isDistrictAdmin: boolean;
  /** Fixed to one station (the station page's tab); otherwise a station filter is shown. */
  stationId?: string;
  /** Bumped by the parent to reload (e.g. after the alerts list changed something). */
  reloadKey?: number;
  /** A counselor was created, edited or (un)verified. */
  onChanged?(counselor: Counselor): void;
}

export function CredentialBadge({ counselor }: { counselor: Pick<Counselor, 'credentialStatus' | 'credentialValidUntil'> }) {
  return (
    <Tag className={`credential-badge credential-badge--${counselor.credentialStatus}`} color={CREDENTIAL_COLORS[counselor.credentialStatus]}>
      {credentialText(counselor, chinaToday(Date.now()))}
    </Tag>
  );
}

export default function CounselorTable({ stations, isDistrictAdmin, stationId: fixedStation, reloadKey = 0, onChanged }: Props) {
  const { message } = App.useApp();
  const [stationFilter, setStationFilter] = useState<string | undefined>();
  const [credential, setCredential] = useState<CredentialStatus | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Counselor[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [nonce, setNonce] = useState(0);
  const [editing, setEditing] = useState<Counselor | 'new' | null>(null);
  const [scheduling, setScheduling] = useState<Counselor | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);

  const stationId = fixedStation ?? stationFilter;
  const stationNames = useMemo(() => new Map(stations.map((s) => [s.id, s.name])), [stations]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    listCounselors({ stationId, credential, page, pageSize: PAGE_SIZE }, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData({ items: result.items, total: result.total });
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        setError(err instanceof ApiError ? err.message : '咨询师列表加载失败');
      },
    );
    return () => controller.abort();
  }, [stationId, credential, page, nonce, reloadKey]);

  function replace(counselor: Counselor) {
    setData((current) =>
      current ? { ...current, items: current.items.map((c) => (c.id === counselor.id ? counselor : c)) } : current,
    );
    onChanged?.(counselor);
  }

  async function toggleVerified(counselor: Counselor, verified: boolean) {
    setVerifying(counselor.id);
    try {
      replace(await verifyCounselor(counselor.id, verified));
      void message.success(verified ? `已核验 ${counselor.name} 的资质` : `已撤销 ${counselor.name} 的核验，暂停接受预约`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      void message.error(err.message);
    } finally {
      setVerifying(null);
    }
  }

  const columns: TableColumnsType<Counselor> = [
    {
      title: '咨询师',
      key: 'name',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong className="counselor-name">{c.name}</Typography.Text>
          <Typography.Text type="secondary">{c.title}</Typography.Text>
        </Space>
      ),
    },
    ...(fixedStation
      ? []
      : [{ title: '站点', key: 'station', render: (_: unknown, c: Counselor) => stationNames.get(c.stationId) ?? '—' }]),
    {
      title: '资质',
      key: 'qualification',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.qualification}</span>
          <Typography.Text type="secondary">证书 {c.certificateNo || '—'}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '资质有效期',
      key: 'credential',
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          <span>
            {c.credentialValidFrom ?? '?'} 至 {c.credentialValidUntil ?? '?'}
          </span>
          <CredentialBadge counselor={c} />
        </Space>
      ),
    },
    {
      title: '资质核验',
      key: 'verified',
      width: 110,
      render: (_, c) =>
        isDistrictAdmin ? (
          <Switch
            className="counselor-verify"
            checked={c.verified}
            loading={verifying === c.id}
            checkedChildren="已核验"
            unCheckedChildren="未核验"
            onChange={(checked) => void toggleVerified(c, checked)}
          />
        ) : (
          <Tag color={c.verified ? 'green' : 'default'}>{c.verified ? '已核验' : '未核验'}</Tag>
        ),
    },
    {
      title: '可预约',
      key: 'bookable',
      width: 96,
      render: (_, c) =>
        c.bookable ? (
          <Tag color="green">可预约</Tag>
        ) : (
          <Tooltip title={unbookableReasons(c).join('、') || '暂不可预约'}>
            <Tag color="red">不可预约</Tag>
          </Tooltip>
        ),
    },
    {
      title: '评价',
      key: 'rating',
      width: 90,
      render: (_, c) => (c.rating.count ? `${c.rating.average ?? '—'} 分（${c.rating.count}）` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_, c) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing(c)}>
            编辑
          </Button>
          <Button type="link" size="small" className="counselor-schedule" onClick={() => setScheduling(c)}>
            排班
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="counselor-table-wrap">
      <Space className="booking-toolbar" wrap>
        {!fixedStation && (
          <Select
            allowClear
            placeholder="全部站点"
            style={{ minWidth: 200 }}
            options={stationOptions(stations)}
            value={stationFilter}
            onChange={(value) => {
              setStationFilter(value);
              setPage(1);
            }}
          />
        )}
        <Select<CredentialStatus>
          allowClear
          placeholder="资质状态"
          style={{ minWidth: 120 }}
          value={credential}
          onChange={(value) => {
            setCredential(value);
            setPage(1);
          }}
          options={(Object.keys(CREDENTIAL_LABELS) as CredentialStatus[]).map((key) => ({ value: key, label: CREDENTIAL_LABELS[key] }))}
        />
        <Button icon={<ReloadOutlined />} onClick={() => setNonce((n) => n + 1)}>
          刷新
        </Button>
        {isDistrictAdmin && (
          <Button type="primary" icon={<PlusOutlined />} className="counselor-create" onClick={() => setEditing('new')}>
            新增咨询师
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Table<Counselor>
        className="counselors-table"
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        rowClassName={(c) => `counselor-row counselor-row--${c.credentialStatus}`}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
          showTotal: (total) => `共 ${total} 位咨询师`,
        }}
        locale={{ emptyText: error ? '咨询师列表加载失败' : '还没有咨询师' }}
      />
      <CounselorFormDrawer
        open={editing !== null}
        counselor={editing === 'new' ? null : editing}
        stations={stations}
        defaultStationId={stationId}
        isDistrictAdmin={isDistrictAdmin}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          setEditing(null);
          if (created) setNonce((n) => n + 1);
          else replace(saved);
          onChanged?.(saved);
        }}
      />
      <ScheduleDrawer
        counselor={scheduling}
        onClose={() => setScheduling(null)}
        onSaved={(saved) => {
          replace(saved);
          setScheduling(saved);
        }}
      />
    </div>
  );
}

import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { useAccess } from '../../../hooks/useSession';
import { SERVICE_LABELS } from '../../bookings/shared/booking-status';
import { treeOrder } from '../shared/station-tree';
import { STATION_LEVEL_LABELS, listAdminStations, type Station } from './service';
import '../../bookings/bookings.css';

const LEVEL_COLORS: Record<Station['level'], string> = { district: 'gold', street: 'blue', community: 'green' };

const loadStations = (signal: AbortSignal) => listAdminStations(signal);

/** Serves both 站点信息 (station_staff: own subtree) and 站点管理 (district_admin: all stations). */
export default function StationListPage() {
  const stations = useApi(loadStations);
  const access = useAccess();
  const rows = useMemo(
    () => (stations.status === 'success' ? treeOrder(stations.data.items).map(({ station, depth }) => ({ ...station, depth })) : []),
    [stations],
  );

  const columns: TableColumnsType<Station & { depth: number }> = [
    {
      title: '名称',
      key: 'name',
      render: (_, s) => (
        <span style={{ paddingInlineStart: s.depth * 20 }}>
          {/* Relative link: the same page serves /stations and /station-info. */}
          <Link to={s.id} className="station-link">
            {s.name}
          </Link>
        </span>
      ),
    },
    {
      title: '层级',
      dataIndex: 'level',
      key: 'level',
      width: 80,
      render: (level: Station['level']) => <Tag color={LEVEL_COLORS[level]}>{STATION_LEVEL_LABELS[level] ?? level}</Tag>,
    },
    { title: '地址', dataIndex: 'address', key: 'address' },
    { title: '电话', dataIndex: 'phone', key: 'phone', width: 150 },
    {
      title: '服务',
      key: 'services',
      render: (_, s) =>
        s.services?.length ? (
          <Space size={2} wrap>
            {s.services.map((sv) => (
              <Tag key={sv}>{SERVICE_LABELS[sv]}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">未设置</Typography.Text>
        ),
    },
    ...(access.canManageStations
      ? [
          {
            title: '预约规则',
            key: 'policies',
            render: (_: unknown, s: Station) =>
              s.policies ? (
                <Typography.Text type="secondary" className="station-policy-summary">
                  提前 {s.policies.minNoticeHours} 小时 · 可约 {s.policies.horizonDays} 天
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    {
      title: '操作',
      key: 'open',
      width: 80,
      render: (_, s) => (
        <Link to={s.id} className="station-open">
          {access.canManageStations ? '管理' : '查看'}
        </Link>
      ),
    },
  ];

  return (
    <PageContainer
      extra={
        <Button onClick={stations.reload} loading={stations.status === 'loading'}>
          刷新
        </Button>
      }
    >
      {stations.status === 'error' && <Alert type="error" showIcon title={stations.error.message} className="page-alert" />}
      <Table<Station & { depth: number }>
        className="stations-table"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={stations.status === 'loading'}
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 个站点`,
        }}
        locale={{ emptyText: stations.status === 'error' ? '站点列表加载失败' : '暂无站点' }}
      />
    </PageContainer>
  );
}

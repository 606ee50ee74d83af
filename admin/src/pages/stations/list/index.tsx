import { Alert, Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { STATION_LEVEL_LABELS, listStations, type Station } from './service';

const LEVEL_COLORS: Record<Station['level'], string> = { district: 'gold', street: 'blue', community: 'green' };

const columns: TableColumnsType<Station> = [
  { title: '名称', dataIndex: 'name', key: 'name' },
  {
    title: '层级',
    dataIndex: 'level',
    key: 'level',
    width: 96,
    render: (level: Station['level']) => (
      <Tag color={LEVEL_COLORS[level]}>{STATION_LEVEL_LABELS[level] ?? level}</Tag>
    ),
  },
  { title: '地址', dataIndex: 'address', key: 'address' },
  { title: '电话', dataIndex: 'phone', key: 'phone', width: 160 },
];

/** Serves both 站点信息 (station_staff: own subtree) and 站点管理 (district_admin: all stations). */
export default function StationListPage() {
  const stations = useApi(listStations);

  return (
    <PageContainer
      extra={
        <Button onClick={stations.reload} loading={stations.status === 'loading'}>
          刷新
        </Button>
      }
    >
      {stations.status === 'error' && (
        <Alert type="error" showIcon title={stations.error.message} className="page-alert" />
      )}
      <Table<Station>
        className="stations-table"
        rowKey="id"
        columns={columns}
        dataSource={stations.status === 'success' ? stations.data.items : []}
        loading={stations.status === 'loading'}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 个站点`,
        }}
        locale={{ emptyText: stations.status === 'error' ? '站点列表加载失败' : '暂无站点' }}
      />
    </PageContainer>
  );
}

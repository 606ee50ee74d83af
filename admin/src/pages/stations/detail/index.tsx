import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { useAccess } from '../../../hooks/useSession';
import { ApiError } from '../../../services/errors';
import { STATION_LEVEL_LABELS, getAdminStation, listAdminStations, type Station } from '../../../services/stations';
import CounselorTable from '../components/CounselorTable';
import StationEditForm from '../components/StationEditForm';
import '../../bookings/bookings.css';

const loadStations = (signal: AbortSignal) => listAdminStations(signal);

/** /stations/:id and /station-info/:id: a station's details, rules and counselors. */
export default function StationDetailPage() {
  const { id = '' } = useParams();
  const access = useAccess();
  const isDistrictAdmin = access.canManageStations;
  const stations = useApi(loadStations);
  const [station, setStation] = useState<Station | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setStation(null);
    setError(null);
    getAdminStation(id, controller.signal).then(
      (s) => {
        if (!controller.signal.aborted) setStation(s);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof ApiError ? err.message : '站点信息加载失败');
      },
    );
    return () => controller.abort();
  }, [id]);

  return (
    <PageContainer
      extra={
        <Link to="..">
          <Button icon={<ArrowLeftOutlined />}>返回站点列表</Button>
        </Link>
      }
    >
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      {!station && !error && <Spin />}
      {station && (
        <>
          <Typography.Title level={4} className="station-detail-name">
            {station.name} <Tag>{STATION_LEVEL_LABELS[station.level]}</Tag>
          </Typography.Title>
          <Tabs
            items={[
              {
                key: 'info',
                label: '基本信息',
                children: <StationEditForm station={station} isDistrictAdmin={isDistrictAdmin} onSaved={setStation} />,
              },
              {
                key: 'counselors',
                label: '咨询师',
                children: (
                  <CounselorTable
                    stations={stations.status === 'success' ? stations.data.items : [station]}
                    isDistrictAdmin={isDistrictAdmin}
                    stationId={station.id}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </PageContainer>
  );
}

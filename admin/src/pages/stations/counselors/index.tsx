import { Alert, Button, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { useAccess } from '../../../hooks/useSession';
import { listCredentialAlerts } from '../../../services/counselors';
import { listAdminStations } from '../../../services/stations';
import CounselorTable, { CredentialBadge } from '../components/CounselorTable';
import '../../bookings/bookings.css';

const loadStations = (signal: AbortSignal) => listAdminStations(signal);
const loadAlerts = (signal: AbortSignal) => listCredentialAlerts(signal);

/** 咨询师管理: counselors of every station in scope; district admins also see credential alerts. */
export default function CounselorsPage() {
  const access = useAccess();
  const isDistrictAdmin = access.canManageStations;
  const stations = useApi(loadStations);
  const [reloadKey, setReloadKey] = useState(0);
  const stationList = stations.status === 'success' ? stations.data.items : [];
  const stationNames = new Map(stationList.map((s) => [s.id, s.name]));

  return (
    <PageContainer>
      {stations.status === 'error' && <Alert type="error" showIcon title={stations.error.message} className="page-alert" />}
      {isDistrictAdmin && <CredentialAlerts stationNames={stationNames} reloadKey={reloadKey} />}
      <CounselorTable
        stations={stationList}
        isDistrictAdmin={isDistrictAdmin}
        onChanged={() => setReloadKey((n) => n + 1)}
      />
    </PageContainer>
  );
}

function CredentialAlerts({ stationNames, reloadKey }: { stationNames: Map<string, string>; reloadKey: number }) {
  const alerts = useApi(loadAlerts);
  const { reload } = alerts;
  // A counselor changed below (dates, verification): the alert list may have changed too.
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);
  if (alerts.status === 'error') return <Alert type="warning" showIcon title={alerts.error.message} className="page-alert" />;
  if (alerts.status !== 'success' || alerts.data.items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="page-alert credential-alerts"
      title={`有 ${alerts.data.items.length} 位咨询师的资质已过期或即将到期`}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            资质过期的咨询师不能再被预约。请联系本人更新证书，再在下面修改有效期。
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={alerts.data.items}
            renderItem={(c) => (
              <List.Item className="credential-alert" data-counselor-id={c.id}>
                <Space wrap>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <Typography.Text type="secondary">{stationNames.get(c.stationId) ?? ''}</Typography.Text>
                  <span>有效期至 {c.credentialValidUntil ?? '—'}</span>
                  <CredentialBadge counselor={c} />
                </Space>
              </List.Item>
            )}
          />
          <Button size="small" onClick={reload}>
            刷新
          </Button>
        </>
      }
    />
  );
}

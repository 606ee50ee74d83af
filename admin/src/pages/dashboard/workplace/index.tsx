import { Alert, Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { useAccess } from '../../../hooks/useSession';
import { ROLE_LABELS, ROLE_TAG_COLORS } from '../../../roles';
import { menuRoutes } from '../../../routes';
import NoticeList from '../notices/NoticeList';
import { noticesVisible } from '../notices/notice-logic';
import { getMe } from './service';

export default function WorkplacePage() {
  const me = useApi(getMe);
  const access = useAccess();
  const shortcuts = menuRoutes(access).filter((route) => route.path !== '/');
  const showNotices = noticesVisible(access);

  return (
    <PageContainer>
      <Card className="workplace-card">
        {me.status === 'loading' && <Skeleton active paragraph={{ rows: 2 }} />}
        {me.status === 'error' && (
          <Alert
            type="error"
            showIcon
            title={me.error.message}
            action={
              <Button size="small" onClick={me.reload}>
                重试
              </Button>
            }
          />
        )}
        {me.status === 'success' && (
          <>
            <Typography.Title level={4} className="dashboard-greeting">
              你好，{me.data.displayName}
            </Typography.Title>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="账号">{me.data.username}</Descriptions.Item>
              <Descriptions.Item label="角色">
                <Tag color={ROLE_TAG_COLORS[me.data.role]} className="dashboard-role">
                  {ROLE_LABELS[me.data.role]}
                </Tag>
              </Descriptions.Item>
              {me.data.role === 'station_staff' && (
                <Descriptions.Item label="所属站点">
                  <span className="dashboard-station">{me.data.stationName ?? '未分配站点'}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </>
        )}
      </Card>
      {showNotices && (
        <Card title="提醒" className="workplace-card workplace-notices">
          <NoticeList pageSize={10} />
        </Card>
      )}
      {shortcuts.length > 0 && (
        <Card title="常用功能" className="workplace-card">
          <Flex wrap gap="small">
            {shortcuts.map((route) => (
              <Link key={route.path} to={route.path}>
                <Button icon={route.icon}>{route.title}</Button>
              </Link>
            ))}
          </Flex>
        </Card>
      )}
    </PageContainer>
  );
}

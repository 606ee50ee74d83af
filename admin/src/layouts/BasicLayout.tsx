import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import NoticeBell from '../components/NoticeBell';
import { useAccess, useSessionState } from '../hooks/useSession';
import { ROLE_LABELS, ROLE_TAG_COLORS } from '../roles';
import { menuRoutes, routeForPath } from '../routes';
import { CHANGE_PASSWORD_PATH, logout } from '../services/auth';
import { ApiError } from '../services/errors';
import type { StaffUser } from '../services/types';
import { loginPathFor } from '../utils/return-path';

/**
 * The signed-in frame. When the session goes away (sign-out, or a refresh the server refused), this
 * component is what sends the user to /login.
 */
export default function BasicLayout() {
  const { session, endReason } = useSessionState();
  const location = useLocation();
  if (!session) {
    // After an involuntary end, come back to the same page after signing in again.
    const to = endReason === 'logout' ? '/login' : loginPathFor(location.pathname + location.search);
    return <Navigate to={to} replace state={{ expired: endReason === 'expired' }} />;
  }
  // The API started answering PASSWORD_CHANGE_REQUIRED (e.g. an admin issued a new one-time password).
  if (session.user.mustChangePassword) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return <Shell user={session.user} />;
}

function Shell({ user }: { user: StaffUser }) {
  const access = useAccess();
  const location = useLocation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);

  const menuItems = useMemo<MenuProps['items']>(
    () =>
      menuRoutes(access).map((route) => ({
        key: route.path,
        icon: route.icon,
        label: <Link to={route.path}>{route.title}</Link>,
      })),
    [access],
  );
  const selected = routeForPath(location.pathname);

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: '修改密码', className: 'change-password-item' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', className: 'logout-item' },
    ],
    onClick: ({ key }) => {
      if (key === 'password') {
        navigate(CHANGE_PASSWORD_PATH);
        return;
      }
      if (key !== 'logout') return;
      // The session is cleared locally even if the server call fails; the layout then redirects.
      logout().catch((err: unknown) => {
        if (!(err instanceof ApiError)) throw err;
        void message.warning(`已在本机退出，但服务器未确认：${err.message}`);
      });
    },
  };

  return (
    <Layout className="app-layout">
      <Layout.Sider theme="light" breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={216}>
        <div className="app-logo">{collapsed ? '心安' : '心安驿站 · 管理后台'}</div>
        <Menu
          className="role-menu"
          mode="inline"
          items={menuItems}
          selectedKeys={selected ? [selected.path] : []}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          {user.role === 'station_staff' && user.stationName && (
            <Typography.Text type="secondary" className="header-station">
              {user.stationName}
            </Typography.Text>
          )}
          <NoticeBell />
          <Tag color={ROLE_TAG_COLORS[user.role]} className="header-role-tag">
            {ROLE_LABELS[user.role]}
          </Tag>
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" className="user-menu" icon={<UserOutlined />}>
              <span className="header-user-name">{user.displayName}</span>
              <DownOutlined />
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

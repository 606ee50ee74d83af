import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { allowedPath } from '../../../services/auth';
import { ApiError } from '../../../services/errors';
import { safeReturnPath } from '../../../utils/return-path';
import { login, type LoginForm } from './service';

function wasExpired(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'expired' in state && state.expired === true;
}

export default function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const expired = wasExpired(location.state);

  async function onFinish(values: LoginForm) {
    setError(null);
    setSubmitting(true);
    try {
      const user = await login(values);
      // With a password someone else has seen (one-time, initial), 修改密码 comes first.
      navigate(allowedPath(user, safeReturnPath(searchParams.get('from'))), { replace: true });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="login-page">
      <Card className="login-card">
        <Typography.Title level={3} className="login-title">
          心安驿站 · 管理后台
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-subtitle">
          供编辑、审核员、站点工作人员和区级管理员使用
        </Typography.Paragraph>
        {expired && !error && (
          <Alert className="login-expired" type="info" showIcon title="登录已过期，请重新登录" />
        )}
        {/* No `name` on the Form, so antd gives the inputs the ids #username and #password. */}
        <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={onFinish} autoComplete="on">
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert className="login-error" type="error" showIcon title={error} role="alert" />}
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}

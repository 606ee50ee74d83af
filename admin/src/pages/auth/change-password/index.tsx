import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useSessionState } from '../../../hooks/useSession';
import { logout } from '../../../services/auth';
import { ApiError } from '../../../services/errors';
import {
  PASSWORD_RULES_HINT,
  REQUIRED_MESSAGES,
  confirmProblem,
  newPasswordProblem,
  placeError,
  type ChangePasswordForm,
} from './form';
import { changePassword } from './service';

/**
 * 修改密码. Outside the signed-in frame on purpose: someone who must replace a password another person has seen
 * gets no menu, only this form and 退出登录 (the router sends every other page here). Anyone else reaches it from
 * the user menu and can go back.
 */
export default function ChangePasswordPage() {
  const { session } = useSessionState();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (!session) return <Navigate to="/login" replace />;
  const { user } = session;
  const forced = user.mustChangePassword === true;

  async function onFinish(values: ChangePasswordForm) {
    setError(null);
    setSubmitting(true);
    try {
      await changePassword(values);
      void message.success('密码已修改，其他设备上的登录已退出');
      navigate('/', { replace: true });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const placed = placeError(err);
      if (placed.field) form.setFields([{ name: placed.field, errors: [placed.message] }]);
      else setError(placed.message);
    } finally {
      setSubmitting(false);
    }
  }

  function signOut() {
    // The session is cleared locally even if the server call fails; this page then sends the user to /login.
    logout().catch((err: unknown) => {
      if (!(err instanceof ApiError)) throw err;
    });
  }

  return (
    <div className="login-page change-password-page">
      <Card className="login-card change-password-card">
        <Typography.Title level={3} className="login-title">
          修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-subtitle change-password-user">
          {user.displayName}（{user.username}）
        </Typography.Paragraph>
        {forced && (
          <Alert
            className="change-password-required"
            type="warning"
            showIcon
            title="你现在用的是管理员发放或系统生成的初始密码，别人可能见过它。为了账号安全，请先设置一个只有你自己知道的新密码，然后才能继续使用管理后台。"
            style={{ marginBottom: 16 }}
          />
        )}
        {/* No `name` on the Form, so antd gives the inputs the ids #currentPassword, #newPassword, #confirmPassword. */}
        <Form<ChangePasswordForm> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          {/* Lets password managers store the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: REQUIRED_MESSAGES.currentPassword }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            extra={PASSWORD_RULES_HINT}
            dependencies={['currentPassword']}
            rules={[
              { required: true, message: REQUIRED_MESSAGES.newPassword },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  const problem = newPasswordProblem(getFieldValue('currentPassword') as string | undefined, value);
                  if (problem) throw new Error(problem);
                },
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="再次输入新密码"
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: REQUIRED_MESSAGES.confirmPassword },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  const problem = confirmProblem(getFieldValue('newPassword') as string | undefined, value);
                  if (problem) throw new Error(problem);
                },
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          {error && <Alert className="change-password-error" type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            确认修改
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          {forced ? (
            <Button type="link" className="change-password-logout" onClick={signOut}>
              退出登录
            </Button>
          ) : (
            <Button type="link" className="change-password-back" onClick={() => navigate('/')}>
              返回工作台
            </Button>
          )}
        </div>
      </Card>
    </div>
  );
}

import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { ROLE_LABELS, isRole } from '../../../roles';
import { ApiError } from '../../../services/errors';
import { createStaff, disableStaff, listStaff, type CreatedStaff, type StaffAccount } from '../../../services/staff';
import { listAdminStations } from '../../../services/stations';
import { stationOptions } from '../../stations/shared/station-tree';
import { staffCreateBody, type StaffFormValues } from './staff-rules';
import '../../bookings/bookings.css';

const loadStations = (signal: AbortSignal) => listAdminStations(signal);

/** 人员账号 (district_admin): station staff accounts with a one-time initial password. */
export default function StaffAccountsPage() {
  const { message } = App.useApp();
  const stations = useApi(loadStations);
  const stationList = useMemo(() => (stations.status === 'success' ? stations.data.items : []), [stations]);
  const stationNames = useMemo(() => new Map(stationList.map((s) => [s.id, s.name])), [stationList]);
  const [stationId, setStationId] = useState<string | undefined>();
  const [items, setItems] = useState<StaffAccount[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [nonce, setNonce] = useState(0);
  const [createOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<CreatedStaff | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setItems(null);
    setError(null);
    listStaff(stationId, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setItems(result.items);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (!(err instanceof ApiError)) throw err;
        setError(err);
      },
    );
    return () => controller.abort();
  }, [stationId, nonce]);

  async function disable(account: StaffAccount) {
    setBusyId(account.id);
    try {
      const updated = await disableStaff(account.id);
      setItems((current) => current?.map((a) => (a.id === account.id ? { ...a, ...updated, disabled: true } : a)) ?? null);
      void message.success(`已停用 ${account.displayName} 的账号，TA 将无法再登录`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      void message.error(err.message);
    } finally {
      setBusyId(null);
    }
  }

  const columns: TableColumnsType<StaffAccount> = [
    { title: '登录名', dataIndex: 'username', key: 'username' },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '角色', key: 'role', render: (_, a) => (isRole(a.role) ? ROLE_LABELS[a.role] : a.role) },
    {
      title: '站点',
      key: 'station',
      render: (_, a) => a.stationName ?? (a.stationId ? stationNames.get(a.stationId) : null) ?? '—',
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, a) => {
        if (a.disabled) return <Tag>已停用</Tag>;
        // Not yet replaced: the one-time password is still the only one, so it must not have been passed around.
        if (a.mustChangePassword) return <Tag color="orange" className="staff-must-change">待改密</Tag>;
        return <Tag color="green">正常</Tag>;
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, a) =>
        a.disabled || a.role !== 'station_staff' ? null : (
          <Popconfirm
            title={`停用 ${a.displayName} 的账号？`}
            description="停用后 TA 立即退出登录，不能再处理预约。"
            okText="停用"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => disable(a)}
          >
            <Button type="link" size="small" danger className="staff-disable" loading={busyId === a.id}>
              停用
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const notBuilt = error?.status === 404;

  return (
    <PageContainer
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => setNonce((n) => n + 1)}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} className="staff-create" disabled={notBuilt} onClick={() => setCreateOpen(true)}>
            新建站点账号
          </Button>
        </Space>
      }
    >
      {notBuilt ? (
        <Alert type="info" showIcon className="page-alert" title="人员账号管理还在开发中，暂时请联系系统管理员开通账号。" />
      ) : (
        error && <Alert type="error" showIcon title={error.message} className="page-alert" />
      )}
      <Space className="booking-toolbar" wrap>
        <Select
          allowClear
          placeholder="全部站点"
          style={{ minWidth: 220 }}
          options={stationOptions(stationList)}
          value={stationId}
          onChange={setStationId}
        />
      </Space>
      <Table<StaffAccount>
        className="staff-table"
        rowKey="id"
        columns={columns}
        dataSource={items ?? []}
        loading={items === null && !error}
        rowClassName={(a) => `staff-row${a.disabled ? ' staff-row--disabled' : ''}`}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有站点账号' }}
      />
      <CreateStaffModal
        open={createOpen}
        stationOptionsList={stationOptions(stationList)}
        onClose={() => setCreateOpen(false)}
        onCreated={(result) => {
          setCreateOpen(false);
          setCreated(result);
          setNonce((n) => n + 1);
        }}
      />
      <Modal
        className="staff-created-modal"
        title="账号已创建"
        open={created !== null}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            我已记下
          </Button>
        }
        mask={{ closable: false }}
      >
        {created && (
          <>
            <Typography.Paragraph>
              登录名：<Typography.Text strong>{created.staff.username}</Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>
              初始密码：
              <Typography.Text code copyable className="staff-one-time-password">
                {created.oneTimePassword}
              </Typography.Text>
            </Typography.Paragraph>
            <Alert
              type="warning"
              showIcon
              title="初始密码只显示这一次。请当面或电话告诉本人，不要通过群聊转发，并提醒 TA 首次登录后修改密码。"
            />
          </>
        )}
      </Modal>
    </PageContainer>
  );
}

function CreateStaffModal({
  open,
  stationOptionsList,
  onClose,
  onCreated,
}: {
  open: boolean;
  stationOptionsList: { value: string; label: string }[];
  onClose(): void;
  onCreated(result: CreatedStaff): void;
}) {
  const [form] = Form.useForm<StaffFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  async function submit() {
    const checked = staffCreateBody(form.getFieldsValue(true) as StaffFormValues);
    if (!checked.ok) return setError(checked.error);
    setSaving(true);
    try {
      onCreated(await createStaff(checked.body));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      className="staff-create-modal"
      title="新建站点账号"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="创建"
      cancelText="取消"
      okButtonProps={{ loading: saving }}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Form.Item label="登录名" name="username" extra="3–32 位字母、数字或 _ . -，创建后不能修改">
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName">
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item label="所属站点" name="stationId" extra="TA 可以处理这个站点及下级站点的预约">
          <Select options={stationOptionsList} placeholder="选择站点" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

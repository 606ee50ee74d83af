import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Col, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import {
  createActivity,
  listActivities,
  listRegistrations,
  updateActivity,
  type Activity,
  type ActivityKind,
  type ActivityRegistration,
} from '../../../services/activities';
import { ApiError } from '../../../services/errors';
import { listAdminStations } from '../../../services/stations';
import { timeOptions } from '../../bookings/shared/block-form';
import { addDays, chinaToday, formatDateTime, formatTimeRange } from '../../bookings/shared/china-time';
import { stationOptions } from '../../stations/shared/station-tree';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_LIMITS,
  ACTIVITY_STATE_LABELS,
  activityCreateBody,
  activityFormValues,
  activityPatchBody,
  activityState,
  type ActivityFormValues,
} from './activity-form';
import '../../bookings/bookings.css';

const PAGE_SIZE = 20;
const loadStations = (signal: AbortSignal) => listAdminStations(signal);
const KIND_OPTIONS = (Object.keys(ACTIVITY_KIND_LABELS) as ActivityKind[]).map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));
const TIME_OPTIONS = timeOptions(15).map((t) => ({ value: t, label: t }));

type Since = 'upcoming' | 'past30';

/** 活动管理: station staff publish group sessions, talks and check-up days, and see who registered. */
export default function ActivitiesPage() {
  const { message } = App.useApp();
  const stations = useApi(loadStations);
  const stationList = useMemo(() => (stations.status === 'success' ? stations.data.items : []), [stations]);
  const options = useMemo(() => stationOptions(stationList), [stationList]);
  const [stationId, setStationId] = useState<string | undefined>();
  const [since, setSince] = useState<Since>('upcoming');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Activity[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const [viewing, setViewing] = useState<Activity | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const today = chinaToday(Date.now());
    setError(null);
    listActivities(
      { stationId, from: since === 'upcoming' ? today : addDays(today, -30), page, pageSize: PAGE_SIZE },
      controller.signal,
    ).then(
      (result) => {
        if (!controller.signal.aborted) setData({ items: result.items, total: result.total });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        // 404 on the list itself means this API build has no activities module yet.
        const missing = err instanceof ApiError && err.status === 404;
        setError(missing ? '活动管理功能还在开发中，暂时不能使用。' : err instanceof ApiError ? err.message : '活动列表加载失败');
        setData({ items: [], total: 0 });
      },
    );
    return () => controller.abort();
  }, [stationId, since, page, nonce]);

  async function cancelActivity(activity: Activity) {
    try {
      const updated = await updateActivity(activity.id, { status: 'cancelled' });
      setData((current) => current && { ...current, items: current.items.map((a) => (a.id === updated.id ? updated : a)) });
      void message.success('活动已取消，已报名的居民会收到通知');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      void message.error(err.message);
    }
  }

  const now = Date.now();
  const columns: TableColumnsType<Activity> = [
    {
      title: '活动',
      key: 'title',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong className="activity-title">{a.title}</Typography.Text>
          <Tag>{ACTIVITY_KIND_LABELS[a.kind] ?? a.kind}</Tag>
        </Space>
      ),
    },
    { title: '站点', dataIndex: 'stationName', key: 'station' },
    { title: '时间', key: 'time', render: (_, a) => formatTimeRange(a.start, a.end) },
    { title: '地点', dataIndex: 'place', key: 'place' },
    { title: '报名', key: 'seats', width: 100, render: (_, a) => `${a.seats - a.remaining} / ${a.seats}` },
    {
      title: '状态',
      key: 'state',
      width: 90,
      render: (_, a) => {
        const state = ACTIVITY_STATE_LABELS[activityState(a, now)];
        return <Tag color={state.color} className="activity-status">{state.text}</Tag>;
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" className="activity-registrations" onClick={() => setViewing(a)}>
            报名名单
          </Button>
          {a.status !== 'cancelled' && (
            <Button type="link" size="small" onClick={() => setEditing(a)}>
              编辑
            </Button>
          )}
          {a.status !== 'cancelled' && Date.parse(a.start) > now && (
            <Popconfirm
              title="取消这个活动？"
              description="已报名的居民会收到取消通知，取消后不能恢复。"
              okText="取消活动"
              okButtonProps={{ danger: true }}
              cancelText="再想想"
              onConfirm={() => cancelActivity(a)}
            >
              <Button type="link" size="small" danger className="activity-cancel">
                取消
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      extra={
        <Button type="primary" icon={<PlusOutlined />} className="activity-create" onClick={() => setEditing('new')}>
          发布活动
        </Button>
      }
    >
      {stations.status === 'error' && <Alert type="error" showIcon title={stations.error.message} className="page-alert" />}
      <Space className="booking-toolbar" wrap>
        {options.length > 1 && (
          <Select
            allowClear
            placeholder="全部站点"
            style={{ minWidth: 220 }}
            options={options}
            value={stationId}
            onChange={(v) => {
              setStationId(v);
              setPage(1);
            }}
          />
        )}
        <Select<Since>
          value={since}
          style={{ minWidth: 160 }}
          onChange={(v) => {
            setSince(v);
            setPage(1);
          }}
          options={[
            { value: 'upcoming', label: '今天及以后' },
            { value: 'past30', label: '包括过去 30 天' },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => setNonce((n) => n + 1)}>
          刷新
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Table<Activity>
        className="activities-table"
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={data === null}
        rowClassName={() => 'activity-row'}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
        locale={{ emptyText: '还没有活动，点右上角“发布活动”开始' }}
      />
      <ActivityFormModal
        open={editing !== null}
        activity={editing === 'new' ? null : editing}
        stationOptionsList={options}
        defaultStationId={stationId ?? options[0]?.value}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setNonce((n) => n + 1);
        }}
      />
      <RegistrationsDrawer activity={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
}

function ActivityFormModal({
  open,
  activity,
  stationOptionsList,
  defaultStationId,
  onClose,
  onSaved,
}: {
  open: boolean;
  activity: Activity | null;
  stationOptionsList: { value: string; label: string }[];
  defaultStationId?: string;
  onClose(): void;
  onSaved(): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ActivityFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      activity
        ? activityFormValues(activity)
        : { stationId: defaultStationId, kind: 'group_counseling', date: addDays(chinaToday(Date.now()), 7), startTime: '14:00', endTime: '15:30', seats: 20 },
    );
  }, [open, activity, defaultStationId, form]);

  async function submit() {
    const values = form.getFieldsValue(true) as ActivityFormValues;
    const now = Date.now();
    setSaving(true);
    try {
      if (!activity) {
        const checked = activityCreateBody(values, now);
        if (!checked.ok) return setError(checked.error);
        await createActivity(checked.body);
        void message.success('活动已发布，居民可以在小程序里报名了');
      } else {
        const checked = activityPatchBody(activity, values, now);
        if (!checked.ok) return setError(checked.error);
        if (Object.keys(checked.body).length === 0) {
          void message.info('没有需要保存的修改');
          return;
        }
        await updateActivity(activity.id, checked.body);
        void message.success('已保存');
      }
      onSaved();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      className="activity-modal"
      title={activity ? '编辑活动' : '发布活动'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={activity ? '保存' : '发布'}
      cancelText="取消"
      okButtonProps={{ loading: saving }}
      width={640}
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item label="举办站点" name="stationId">
              <Select options={stationOptionsList} disabled={Boolean(activity)} placeholder="选择站点" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="类型" name="kind">
              <Select options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="活动名称" name="title">
          <Input maxLength={ACTIVITY_LIMITS.title} showCount placeholder="例如 睡个好觉：失眠自助小讲堂" />
        </Form.Item>
        <Form.Item label="活动介绍" name="description">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={ACTIVITY_LIMITS.description} showCount placeholder="适合谁、会做什么、需要带什么" />
        </Form.Item>
        <Form.Item label="地点" name="place">
          <Input maxLength={ACTIVITY_LIMITS.place} placeholder="例如 社区党群服务中心二楼活动室" />
        </Form.Item>
        <Space wrap>
          <Form.Item label="日期" name="date">
            <Input type="date" />
          </Form.Item>
          <Form.Item label="开始" name="startTime">
            <Select options={TIME_OPTIONS} style={{ width: 100 }} showSearch />
          </Form.Item>
          <Form.Item label="结束" name="endTime">
            <Select options={TIME_OPTIONS} style={{ width: 100 }} showSearch />
          </Form.Item>
          <Form.Item label="名额" name="seats">
            <InputNumber min={ACTIVITY_LIMITS.seatsMin} max={ACTIVITY_LIMITS.seatsMax} precision={0} suffix="人" style={{ width: 120 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function RegistrationsDrawer({ activity, onClose }: { activity: Activity | null; onClose(): void }) {
  const [items, setItems] = useState<ActivityRegistration[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!activity) return;
    const controller = new AbortController();
    setItems(null);
    setError(null);
    listRegistrations(activity.id, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setItems([...result.items].sort((a, b) => a.seat - b.seat));
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof ApiError ? err.message : '报名名单加载失败');
      },
    );
    return () => controller.abort();
  }, [activity]);

  const registered = items?.filter((r) => r.status === 'registered').length ?? 0;

  return (
    <Drawer
      className="registrations-drawer"
      title={activity ? `报名名单：${activity.title}` : '报名名单'}
      open={activity !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        名单含居民的联系方式，只用于活动联络，请勿外传。{items ? `已报名 ${registered} 人。` : ''}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Table<ActivityRegistration>
        size="small"
        rowKey="id"
        className="registrations-table"
        loading={items === null && !error}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: '还没有人报名' }}
        columns={[
          { title: '座位', dataIndex: 'seat', key: 'seat', width: 60 },
          { title: '姓名', dataIndex: 'name', key: 'name' },
          { title: '电话', dataIndex: 'phone', key: 'phone' },
          {
            title: '状态',
            key: 'status',
            width: 80,
            render: (_, r) => (r.status === 'registered' ? <Tag color="green">已报名</Tag> : <Tag>已取消</Tag>),
          },
          { title: '报名时间', key: 'createdAt', render: (_, r) => formatDateTime(r.createdAt) },
        ]}
      />
    </Drawer>
  );
}

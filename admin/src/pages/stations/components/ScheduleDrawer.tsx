import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, Checkbox, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  createException,
  deleteException,
  listExceptions,
  saveSchedule,
  type Counselor,
  type ExceptionKind,
  type Schedule,
  type ScheduleException,
} from '../../../services/counselors';
import { ApiError } from '../../../services/errors';
import { timeOptions } from '../../bookings/shared/block-form';
import { WEEKDAY_LABELS, chinaToday, formatChinaDay } from '../../bookings/shared/china-time';
import {
  DEFAULT_SCHEDULE,
  EXCEPTION_KIND_LABELS,
  SCHEDULE_LIMITS,
  SESSION_SERVICE_LABELS,
  exceptionRequest,
  exceptionWindow,
  normalizeSchedule,
  scheduleProblems,
  type ExceptionFormValues,
} from '../shared/counselor-rules';

const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }));
const TIME_OPTIONS = timeOptions(15).map((t) => ({ value: t, label: t }));
const SESSION_SERVICE_OPTIONS = (['individual', 'family'] as const).map((s) => ({ value: s, label: SESSION_SERVICE_LABELS[s] }));

interface Props {
  counselor: Counselor | null;
  onClose(): void;
  onSaved(counselor: Counselor): void;
}

export default function ScheduleDrawer({ counselor, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Schedule>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!counselor) return;
    setProblems([]);
    form.resetFields();
    form.setFieldsValue(counselor.schedule ?? DEFAULT_SCHEDULE);
  }, [counselor, form]);

  async function save() {
    if (!counselor) return;
    const raw = form.getFieldsValue(true) as Schedule;
    const schedule = normalizeSchedule({
      ...DEFAULT_SCHEDULE,
      ...raw,
      weekly: (raw.weekly ?? []).map((r) => ({ ...r, services: r.services ?? [] })),
      groups: (raw.groups ?? []).map((g) => ({ ...g, title: g.title ?? '' })),
    });
    const found = scheduleProblems(schedule);
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    try {
      const saved = await saveSchedule(counselor.id, schedule);
      void message.success('排班已保存。已经约好的预约不受影响');
      onSaved(saved);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblems([err.message]);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      className="schedule-drawer"
      title={counselor ? `排班：${counselor.name}` : '排班'}
      open={counselor !== null}
      onClose={onClose}
      size={760}
      forceRender
      extra={
        <Button type="primary" className="schedule-save" loading={saving} onClick={() => void save()}>
          保存排班
        </Button>
      }
    >
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          title="排班还需要调整"
          description={
            <ul className="schedule-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form form={form} layout="vertical" onValuesChange={() => setProblems([])}>
        <Space wrap>
          <Form.Item label="个体咨询时长" name="sessionMinutes">
            <InputNumber min={SCHEDULE_LIMITS.sessionMinutes.min} max={SCHEDULE_LIMITS.sessionMinutes.max} precision={0} suffix="分钟" />
          </Form.Item>
          <Form.Item label="家庭咨询时长" name="familySessionMinutes">
            <InputNumber min={SCHEDULE_LIMITS.familySessionMinutes.min} max={SCHEDULE_LIMITS.familySessionMinutes.max} precision={0} suffix="分钟" />
          </Form.Item>
          <Form.Item label="两次之间休息" name="bufferMinutes">
            <InputNumber min={SCHEDULE_LIMITS.bufferMinutes.min} max={SCHEDULE_LIMITS.bufferMinutes.max} precision={0} suffix="分钟" />
          </Form.Item>
        </Space>

        <Typography.Title level={5}>每周固定时段</Typography.Title>
        <Typography.Paragraph type="secondary">在这些时段里，按咨询时长加休息依次排出可预约的时间。</Typography.Paragraph>
        <Form.List name="weekly">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap className="schedule-row">
                  <Form.Item name={[field.name, 'weekday']} noStyle>
                    <Select options={WEEKDAY_OPTIONS} style={{ width: 90 }} placeholder="星期" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'start']} noStyle>
                    <Select options={TIME_OPTIONS} style={{ width: 96 }} placeholder="开始" showSearch />
                  </Form.Item>
                  <span>至</span>
                  <Form.Item name={[field.name, 'end']} noStyle>
                    <Select options={TIME_OPTIONS} style={{ width: 96 }} placeholder="结束" showSearch />
                  </Form.Item>
                  <Form.Item name={[field.name, 'services']} noStyle>
                    <Checkbox.Group options={SESSION_SERVICE_OPTIONS} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除这一行" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                className="schedule-add-row"
                onClick={() => add({ weekday: 1, start: '09:00', end: '12:00', services: ['individual'] })}
              >
                添加时段
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5} style={{ marginTop: 24 }}>
          团体辅导
        </Typography.Title>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap className="schedule-group-row">
                  <Form.Item name={[field.name, 'weekday']} noStyle>
                    <Select options={WEEKDAY_OPTIONS} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'start']} noStyle>
                    <Select options={TIME_OPTIONS} style={{ width: 96 }} showSearch />
                  </Form.Item>
                  <span>至</span>
                  <Form.Item name={[field.name, 'end']} noStyle>
                    <Select options={TIME_OPTIONS} style={{ width: 96 }} showSearch />
                  </Form.Item>
                  <Form.Item name={[field.name, 'capacity']} noStyle>
                    <InputNumber min={SCHEDULE_LIMITS.groupCapacity.min} max={SCHEDULE_LIMITS.groupCapacity.max} precision={0} suffix="人" style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} noStyle>
                    <Input maxLength={SCHEDULE_LIMITS.groupTitleMax} placeholder="名称，例如 减压小组" style={{ width: 180 }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label="删除这一行" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ weekday: 3, start: '19:00', end: '20:30', capacity: 8, title: '' })}>
                添加团体时段
              </Button>
            </>
          )}
        </Form.List>
      </Form>

      <Divider />
      {counselor && <ExceptionsEditor counselorId={counselor.id} />}
    </Drawer>
  );
}

function ExceptionsEditor({ counselorId }: { counselorId: string }) {
  const { message } = App.useApp();
  const today = chinaToday(Date.now());
  const [items, setItems] = useState<ScheduleException[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<ExceptionFormValues>();
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    const controller = new AbortController();
    const { from, to } = exceptionWindow(chinaToday(Date.now()));
    setError(null);
    listExceptions(counselorId, from, to, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setItems([...result.items].sort((a, b) => a.date.localeCompare(b.date)));
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof ApiError ? err.message : '例外日期加载失败');
      },
    );
    return () => controller.abort();
  }, [counselorId, nonce]);

  async function add() {
    const checked = exceptionRequest(form.getFieldsValue(true) as ExceptionFormValues, today);
    if (!checked.ok) return setFormError(checked.error);
    setSaving(true);
    try {
      await createException(counselorId, checked.body);
      void message.success('已添加');
      form.resetFields();
      setNonce((n) => n + 1);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFormError(err.message);
    } finally {
      setSaving(false);
    }
  }

  async function remove(item: ScheduleException) {
    try {
      await deleteException(counselorId, item.id);
      void message.success('已删除');
      setNonce((n) => n + 1);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      void message.error(err.message);
    }
  }

  return (
    <div className="schedule-exceptions">
      <Typography.Title level={5}>日期例外</Typography.Title>
      <Typography.Paragraph type="secondary">节假日、请假或临时加班。已经约好的预约不会被自动取消，请另行联系居民。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Table<ScheduleException>
        size="small"
        rowKey="id"
        className="exceptions-table"
        loading={items === null && !error}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: '未来 90 天没有例外安排' }}
        columns={[
          { title: '日期', key: 'date', render: (_, x) => formatChinaDay(x.date) },
          {
            title: '类型',
            key: 'kind',
            render: (_, x) => <Tag color={x.kind === 'extra' ? 'green' : 'orange'}>{EXCEPTION_KIND_LABELS[x.kind] ?? x.kind}</Tag>,
          },
          {
            title: '时间',
            key: 'time',
            render: (_, x) =>
              x.start && x.end ? `${x.start}–${x.end}${x.services.length ? `（${x.services.map((s) => SESSION_SERVICE_LABELS[s]).join('、')}）` : ''}` : '全天',
          },
          { title: '备注', dataIndex: 'note', key: 'note' },
          {
            title: '',
            key: 'remove',
            width: 60,
            render: (_, x) => (
              <Popconfirm title="删除这条例外？" okText="删除" cancelText="保留" onConfirm={() => remove(x)}>
                <Button type="text" size="small" icon={<DeleteOutlined />} aria-label="删除" />
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form form={form} layout="inline" className="exception-form" onValuesChange={() => setFormError(null)} style={{ marginTop: 12, rowGap: 8 }}>
        <Form.Item name="date">
          <Input type="date" min={today} />
        </Form.Item>
        <Form.Item name="kind">
          <Select<ExceptionKind>
            placeholder="类型"
            style={{ width: 150 }}
            options={(Object.keys(EXCEPTION_KIND_LABELS) as ExceptionKind[]).map((k) => ({ value: k, label: EXCEPTION_KIND_LABELS[k] }))}
          />
        </Form.Item>
        {kind !== 'holiday' && (
          <>
            <Form.Item name="start">
              <Select options={TIME_OPTIONS} placeholder={kind === 'leave' ? '开始（全天可不填）' : '开始'} allowClear style={{ width: 150 }} showSearch />
            </Form.Item>
            <Form.Item name="end">
              <Select options={TIME_OPTIONS} placeholder="结束" allowClear style={{ width: 96 }} showSearch />
            </Form.Item>
          </>
        )}
        {kind === 'extra' && (
          <Form.Item name="services">
            <Checkbox.Group options={SESSION_SERVICE_OPTIONS} />
          </Form.Item>
        )}
        <Form.Item name="note">
          <Input maxLength={100} placeholder="备注（可不填）" style={{ width: 160 }} />
        </Form.Item>
        <Button icon={<PlusOutlined />} loading={saving} onClick={() => void add()} className="exception-add">
          添加例外
        </Button>
      </Form>
      {formError && <Typography.Text type="danger">{formError}</Typography.Text>}
    </div>
  );
}

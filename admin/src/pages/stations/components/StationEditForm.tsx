import { App, Alert, Button, Checkbox, Col, Form, Input, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../../services/errors';
import { updateStation, type Station } from '../../../services/stations';
import { POLICY_FIELDS, POLICY_META, SERVICE_OPTIONS, stationFormValues, stationPatch, type StationFormValues } from '../shared/station-form';

interface Props {
  station: Station;
  isDistrictAdmin: boolean;
  onSaved(station: Station): void;
}

export default function StationEditForm({ station, isDistrictAdmin, onSaved }: Props) {
  const { message } = App.useApp();
  const initial = useMemo(() => stationFormValues(station), [station]);
  const [form] = Form.useForm<StationFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const hasLocation = Form.useWatch('hasLocation', form);
  const policies = Form.useWatch('policies', form);

  async function save() {
    const values = { ...initial, ...form.getFieldsValue(true) } as StationFormValues;
    const result = stationPatch(initial, values, isDistrictAdmin);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (Object.keys(result.body).length === 0) {
      void message.info('没有需要保存的修改');
      return;
    }
    setSaving(true);
    try {
      const saved = await updateStation(station.id, result.body);
      void message.success('站点信息已保存');
      onSaved(saved);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<StationFormValues>
      form={form}
      className="station-edit-form"
      layout="vertical"
      initialValues={initial}
      key={`${station.id}:${JSON.stringify(initial)}`}
      onValuesChange={() => setError(null)}
      style={{ maxWidth: 720 }}
    >
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Form.Item label="站点名称" name="name" extra={isDistrictAdmin ? undefined : '名称由区级管理员维护'}>
        <Input maxLength={80} disabled={!isDistrictAdmin} />
      </Form.Item>
      <Form.Item label="地址" name="address">
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="联系电话" name="phone">
            <Input maxLength={40} placeholder="例如 0755-12345678" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="开放时间" name="openingHours">
            <Input maxLength={200} placeholder="例如 周一至周五 9:00–18:00" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="简介" name="intro">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item label="提供的服务" name="services">
        <Checkbox.Group options={SERVICE_OPTIONS} />
      </Form.Item>
      <Form.Item label="地图位置" name="hasLocation" valuePropName="checked" extra="使用微信地图的坐标（GCJ-02），居民可以按距离找到站点">
        <Switch checkedChildren="已设置" unCheckedChildren="未设置" />
      </Form.Item>
      {hasLocation && (
        <Space>
          <Form.Item label="纬度" name="lat">
            <InputNumber min={-90} max={90} step={0.000001} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label="经度" name="lng">
            <InputNumber min={-180} max={180} step={0.000001} style={{ width: 180 }} />
          </Form.Item>
        </Space>
      )}

      <Typography.Title level={5}>预约规则</Typography.Title>
      {!isDistrictAdmin && (
        <Typography.Paragraph type="secondary">预约规则由区级管理员设置，这里显示当前生效的规则。</Typography.Paragraph>
      )}
      <div className="station-policies">
        {POLICY_FIELDS.map((field) => {
          const meta = POLICY_META[field];
          const inherit = policies?.[field]?.inherit ?? initial.policies[field].inherit;
          return (
            <Row key={field} gutter={12} align="middle" className={`station-policy station-policy--${field}`}>
              <Col flex="160px">
                <Typography.Text>{meta.label}</Typography.Text>
              </Col>
              <Col>
                <Form.Item name={['policies', field, 'inherit']} valuePropName="checked" noStyle>
                  <Checkbox disabled={!isDistrictAdmin}>继承上级</Checkbox>
                </Form.Item>
              </Col>
              <Col>
                <Form.Item name={['policies', field, 'value']} noStyle>
                  <InputNumber
                    min={meta.min}
                    max={meta.max}
                    step={meta.integer ? 1 : 0.5}
                    precision={meta.integer ? 0 : undefined}
                    disabled={!isDistrictAdmin || inherit}
                    suffix={meta.unit}
                    style={{ width: 140 }}
                  />
                </Form.Item>
              </Col>
              <Col flex="auto">
                <Typography.Text type="secondary">
                  当前生效：{station.policies?.[field] ?? '—'} {meta.unit} · {meta.help}
                </Typography.Text>
              </Col>
            </Row>
          );
        })}
      </div>

      <Button type="primary" className="station-save" loading={saving} onClick={() => void save()} style={{ marginTop: 16 }}>
        保存
      </Button>
    </Form>
  );
}

import { App, Alert, Button, Col, Drawer, Form, Input, Row, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { createCounselor, updateCounselor, type Counselor } from '../../../services/counselors';
import { ApiError } from '../../../services/errors';
import type { Station } from '../../../services/stations';
import { counselorCreateBody, counselorFormValues, counselorPatch, type CounselorFormValues } from '../shared/counselor-rules';
import { stationOptions } from '../shared/station-tree';

interface Props {
  open: boolean;
  /** null = create a new counselor (district_admin). */
  counselor: Counselor | null;
  stations: Station[];
  defaultStationId?: string;
  isDistrictAdmin: boolean;
  onClose(): void;
  onSaved(counselor: Counselor, created: boolean): void;
}

export default function CounselorFormDrawer({ open, counselor, stations, defaultStationId, isDistrictAdmin, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CounselorFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const adminOnly = !isDistrictAdmin;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      counselor
        ? counselorFormValues(counselor)
        : { stationId: defaultStationId, specialties: [], intro: '', photoUrl: '', credentialValidFrom: '', credentialValidUntil: '' },
    );
  }, [open, counselor, defaultStationId, form]);

  async function save() {
    const values = form.getFieldsValue(true) as CounselorFormValues;
    setSaving(true);
    try {
      if (!counselor) {
        const checked = counselorCreateBody(values);
        if (!checked.ok) return setError(checked.error);
        const created = await createCounselor(checked.body);
        void message.success(`已添加咨询师 ${created.name}。核验资质并排班后，居民就可以预约了`);
        onSaved(created, true);
        return;
      }
      const checked = counselorPatch(counselor, values, isDistrictAdmin);
      if (!checked.ok) return setError(checked.error);
      if (Object.keys(checked.body).length === 0) {
        void message.info('没有需要保存的修改');
        return;
      }
      const saved = await updateCounselor(counselor.id, checked.body);
      void message.success('已保存');
      onSaved(saved, false);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      className="counselor-drawer"
      title={counselor ? `编辑咨询师：${counselor.name}` : '新增咨询师'}
      open={open}
      onClose={onClose}
      size={560}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" className="counselor-save" loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      {adminOnly && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          title="你可以修改介绍、擅长方向和照片；姓名、资质等由区级管理员维护。"
        />
      )}
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Form.Item label="所属站点" name="stationId">
          <Select options={stationOptions(stations)} disabled={adminOnly} placeholder="选择站点" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="姓名" name="name">
              <Input maxLength={20} disabled={adminOnly} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="职称" name="title">
              <Input maxLength={30} disabled={adminOnly} placeholder="例如 心理咨询师" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="资质" name="qualification">
          <Input maxLength={60} disabled={adminOnly} placeholder="例如 国家二级心理咨询师" />
        </Form.Item>
        <Form.Item label="证书编号" name="certificateNo">
          <Input maxLength={40} disabled={adminOnly} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="资质有效期自" name="credentialValidFrom">
              <Input type="date" disabled={adminOnly} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="资质有效期至" name="credentialValidUntil" extra="过期后自动停止接受预约">
              <Input type="date" disabled={adminOnly} />
            </Form.Item>
          </Col>
        </Row>
        {counselor && isDistrictAdmin && (
          <Form.Item label="在岗" name="active" valuePropName="checked" extra="停用后不再出现在预约页面，已约的预约不受影响">
            <Switch checkedChildren="在岗" unCheckedChildren="停用" />
          </Form.Item>
        )}
        <Form.Item label="擅长方向" name="specialties" extra="输入后按回车添加，最多 10 个">
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} placeholder="例如 情绪困扰、亲子关系" />
        </Form.Item>
        <Form.Item label="介绍" name="intro">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount placeholder="用居民能看懂的话，介绍擅长帮助的问题和工作方式" />
        </Form.Item>
        <Form.Item label="照片地址" name="photoUrl" extra="可从媒体库复制图片地址">
          <Input placeholder="https://… 或 /media/…" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

import { App, Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { createBlock, type Block } from '../../../services/bookings';
import { ApiError } from '../../../services/errors';
import { blockRequest, timeOptions, type BlockFormValues, BLOCK_REASON_MAX } from '../shared/block-form';

interface Props {
  open: boolean;
  counselors: { id: string; name: string }[];
  defaults: BlockFormValues;
  onClose(): void;
  onCreated(block: Block): void;
}

const TIMES = timeOptions().map((t) => ({ value: t, label: t }));

export default function BlockModal({ open, counselors, defaults, onClose, onCreated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BlockFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(defaults);
    setError(null);
    // Fill the form each time it opens, with the day and counselor the calendar is showing.
  }, [open]);

  async function submit() {
    const values = form.getFieldsValue();
    const checked = blockRequest(values);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    setSaving(true);
    try {
      const block = await createBlock(checked.body);
      void message.success('已屏蔽这段时间，居民不能再约');
      onCreated(block);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      className="block-modal"
      title="屏蔽时间"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="屏蔽"
      cancelText="取消"
      okButtonProps={{ loading: saving, className: 'block-submit' }}
      // Kept mounted so the form instance stays connected between openings.
      forceRender
    >
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <Form.Item label="咨询师" name="counselorId">
          <Select options={counselors.map((c) => ({ value: c.id, label: c.name }))} placeholder="选择咨询师" />
        </Form.Item>
        <Form.Item label="开始日期" name="startDate">
          <Input type="date" />
        </Form.Item>
        <Form.Item label="开始时间" name="startTime">
          <Select options={TIMES} showSearch />
        </Form.Item>
        <Form.Item label="结束日期" name="endDate" extra="当天结束可不填；跨天到午夜请选次日 00:00；一次最多 14 天">
          <Input type="date" />
        </Form.Item>
        <Form.Item label="结束时间" name="endTime">
          <Select options={TIMES} showSearch />
        </Form.Item>
        <Form.Item label="原因（可不填，仅工作人员可见）" name="reason">
          <Input maxLength={BLOCK_REASON_MAX} showCount placeholder="例如：外出培训" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

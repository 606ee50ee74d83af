import { App, Alert, Button, Empty, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { listSlots, rescheduleBooking, type AdminBooking, type Slot } from '../../../services/bookings';
import { ApiError } from '../../../services/errors';
import { chinaDate, chinaToday, formatChinaDay, formatSlotTime } from '../shared/china-time';
import { rescheduleChoices, type SlotChoice } from '../shared/reschedule';

interface Props {
  booking: AdminBooking;
  open: boolean;
  onClose(): void;
  onDone(booking: AdminBooking): void;
  /** The booking changed meanwhile (409): the drawer reloads it. */
  onConflict(): void;
}

export default function RescheduleModal({ booking, open, onClose, onDone, onConflict }: Props) {
  const { message } = App.useApp();
  const today = chinaToday(Date.now());
  const initialDate = chinaDate(booking.start) >= today ? chinaDate(booking.start) : today;
  const [date, setDate] = useState(initialDate);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<SlotChoice | null>(null);
  const [saving, setSaving] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (open) setDate(initialDate);
    // Only when the modal opens.
  }, [open]);

  useEffect(() => {
    if (!open || !date) return;
    const controller = new AbortController();
    setSlots(null);
    setError(null);
    setChosen(null);
    listSlots(booking.stationId, date, booking.service, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setSlots(result.items);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof ApiError ? err.message : '空闲时段加载失败，请稍后再试');
      },
    );
    return () => controller.abort();
  }, [open, date, booking.stationId, booking.service, attempt]);

  const groups = useMemo(() => (slots ? rescheduleChoices(slots, booking) : []), [slots, booking]);

  async function submit() {
    if (!chosen) return;
    setSaving(true);
    try {
      const counselorId = chosen.counselorId !== booking.counselorId ? chosen.counselorId : undefined;
      const fresh = await rescheduleBooking(booking.id, chosen.start, counselorId);
      void message.success('已改期，居民会收到通知，新时间需要再确认一次');
      onDone(fresh);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      void message.error(err.message);
      if (err.status === 409) {
        onConflict();
        setAttempt((n) => n + 1);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      className="reschedule-modal"
      title="改期"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确认改期"
      cancelText="取消"
      okButtonProps={{ disabled: !chosen, loading: saving }}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary">
        现在是 {formatSlotTime(booking.start)}，{booking.counselorName}。改期后预约回到“待确认”，请再确认一次。
      </Typography.Paragraph>
      <Space className="reschedule-date" align="center">
        <span>日期</span>
        <Input type="date" value={date} min={today} onChange={(e) => setDate(e.target.value)} style={{ width: 180 }} />
        {date && <Typography.Text type="secondary">{formatChinaDay(date)}</Typography.Text>}
      </Space>
      <div className="reschedule-slots">
        {error && <Alert type="error" showIcon title={error} />}
        {!error && slots === null && <Spin />}
        {!error && slots !== null && groups.length === 0 && <Empty description="这一天没有可选的时间，换一天看看" />}
        {groups.map((group) => (
          <div key={group.counselorId} className="reschedule-group">
            <Typography.Text strong>{group.counselorName}</Typography.Text>
            <div className="reschedule-group__slots">
              {group.choices.map((choice) => (
                <Button
                  key={choice.key}
                  size="small"
                  className="reschedule-slot"
                  type={chosen?.key === choice.key ? 'primary' : 'default'}
                  disabled={choice.disabled}
                  onClick={() => setChosen(choice)}
                >
                  {choice.label}
                </Button>
              ))}
            </div>
          </div>
        ))}
      </div>
    </Modal>
  );
}

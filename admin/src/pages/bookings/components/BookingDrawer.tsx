import { App, Alert, Button, Descriptions, Drawer, Input, Modal, Popconfirm, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { Fragment, useCallback, useEffect, useState } from 'react';
import {
  checkInBooking,
  completeBooking,
  confirmBooking,
  declineBooking,
  getBooking,
  markNoShow,
  saveBookingNotes,
  type AdminBooking,
} from '../../../services/bookings';
import { ApiError } from '../../../services/errors';
import {
  ACTION_LABELS,
  MAX_DECLINE_REASON,
  MAX_NOTES,
  SERVICE_LABELS,
  STATUS_COLORS,
  availableActions,
  checkDeclineReason,
  statusLabel,
  type BookingAction,
} from '../shared/booking-status';
import { formatDateTime, formatTimeRange } from '../shared/china-time';
import RescheduleModal from './RescheduleModal';

const ACTOR_LABELS: Record<string, string> = { resident: '居民', staff: '工作人员', system: '系统' };

interface Props {
  /** The booking to show; null = closed. */
  bookingId: string | null;
  /** What the list already knows, shown while the fresh copy loads. */
  initial?: AdminBooking | null;
  /** The newest copy the page fetched (live events): shown if it is about this booking and newer. */
  latest?: AdminBooking | null;
  onClose(): void;
  /** Every fresh copy (after an action, a reload or a 409) goes back to the list and calendar. */
  onChanged(booking: AdminBooking): void;
}

/**
 * Contacts (name, phone, the family member's details), the topic and the notes are sensitive: they are
 * shown here only, never in the list. Opening the drawer reads the booking again (an audited read).
 */
export default function BookingDrawer({ bookingId, initial, latest, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const [booking, setBooking] = useState<AdminBooking | null>(initial ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<BookingAction | 'notes' | null>(null);
  const [declineOpen, setDeclineOpen] = useState(false);
  const [declineReason, setDeclineReason] = useState('');
  const [declineError, setDeclineError] = useState<string | null>(null);
  const [rescheduleOpen, setRescheduleOpen] = useState(false);
  const [notes, setNotes] = useState('');
  const [notesDirty, setNotesDirty] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const accept = useCallback(
    (fresh: AdminBooking) => {
      setBooking((current) => (current && current.id === fresh.id && current.version > fresh.version ? current : fresh));
      onChanged(fresh);
    },
    [onChanged],
  );

  useEffect(() => {
    if (!bookingId) return;
    const controller = new AbortController();
    setBooking(initial && initial.id === bookingId ? initial : null);
    setLoadError(null);
    setNotesDirty(false);
    setNow(Date.now());
    getBooking(bookingId, controller.signal).then(accept, (err: unknown) => {
      if (controller.signal.aborted) return;
      setLoadError(err instanceof ApiError ? err.message : '预约详情加载失败，请稍后再试');
    });
    return () => controller.abort();
    // `initial` is only the placeholder for a newly opened booking; later changes come through accept().
  }, [bookingId]);

  useEffect(() => {
    if (!latest || latest.id !== bookingId) return;
    setBooking((current) => (current && current.id === latest.id && current.version >= latest.version ? current : latest));
  }, [latest, bookingId]);

  // Keep the notes box in step with the server unless staff are typing in it.
  useEffect(() => {
    if (booking && !notesDirty) setNotes(booking.notes ?? '');
  }, [booking, notesDirty]);

  async function reloadAfterConflict(id: string) {
    try {
      accept(await getBooking(id));
    } catch {
      // The error already shown is the useful one.
    }
  }

  async function run(action: BookingAction | 'notes', call: () => Promise<AdminBooking>, done: string): Promise<boolean> {
    if (!booking) return false;
    setBusy(action);
    try {
      accept(await call());
      void message.success(done);
      return true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      void message.error(err.message);
      // Someone else changed it meanwhile (or the state moved on): show what is true now.
      if (err.status === 409) await reloadAfterConflict(booking.id);
      return false;
    } finally {
      setBusy(null);
      setNow(Date.now());
    }
  }

  async function submitDecline() {
    if (!booking) return;
    const checked = checkDeclineReason(declineReason);
    if (!checked.ok) {
      setDeclineError(checked.error);
      return;
    }
    const ok = await run('decline', () => declineBooking(booking.id, checked.reason), '已婉拒，居民会收到通知');
    if (ok) {
      setDeclineOpen(false);
      setDeclineReason('');
    }
  }

  async function submitNotes() {
    if (!booking) return;
    if (notes.length > MAX_NOTES) {
      void message.error(`会谈记录请控制在 ${MAX_NOTES} 字以内`);
      return;
    }
    const ok = await run('notes', () => saveBookingNotes(booking.id, notes), '会谈记录已保存');
    if (ok) setNotesDirty(false);
  }

  const actions = booking ? availableActions(booking, now) : [];

  function actionButton(action: BookingAction) {
    if (!booking) return null;
    const label = ACTION_LABELS[action];
    const common = { loading: busy === action, disabled: busy !== null && busy !== action };
    switch (action) {
      case 'confirm':
        return (
          <Button {...common} type="primary" onClick={() => void run('confirm', () => confirmBooking(booking.id), '已确认，居民会收到通知')}>
            {label}
          </Button>
        );
      case 'decline':
        return (
          <Button {...common} danger onClick={() => { setDeclineError(null); setDeclineOpen(true); }}>
            {label}
          </Button>
        );
      case 'checkIn':
        return (
          <Button {...common} onClick={() => void run('checkIn', () => checkInBooking(booking.id), '已签到')}>
            {label}
          </Button>
        );
      case 'complete':
        return (
          <Button {...common} type={booking.status === 'checked_in' ? 'primary' : 'default'} onClick={() => void run('complete', () => completeBooking(booking.id), '已标记为完成')}>
            {label}
          </Button>
        );
      case 'noShow':
        return (
          <Popconfirm title="确认来访者没有到场？" okText="确认未到" cancelText="再等等" onConfirm={() => run('noShow', () => markNoShow(booking.id), '已标记为未到')}>
            <Button {...common}>{label}</Button>
          </Popconfirm>
        );
      case 'reschedule':
        return (
          <Button {...common} onClick={() => setRescheduleOpen(true)}>
            {label}
          </Button>
        );
    }
  }

  return (
    <Drawer
      className="booking-drawer"
      title="预约详情"
      open={bookingId !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
    >
      {loadError && <Alert type="error" showIcon title={loadError} className="page-alert" />}
      {!booking && !loadError && <Spin className="booking-drawer__loading" />}
      {booking && (
        <div className="booking-drawer__body" data-booking-id={booking.id}>
          <Space className="booking-drawer__head" wrap>
            <Tag className="booking-drawer__status" color={STATUS_COLORS[booking.status]}>
              {statusLabel(booking.status)}
            </Tag>
            <Typography.Text strong>{formatTimeRange(booking.start, booking.end)}</Typography.Text>
          </Space>

          {actions.length > 0 && (
            <Space className="booking-drawer__actions" wrap>
              {actions.map((action) => (
                <Fragment key={action}>{actionButton(action)}</Fragment>
              ))}
            </Space>
          )}

          <Descriptions column={1} size="small" bordered className="booking-drawer__details">
            <Descriptions.Item label="服务">
              {SERVICE_LABELS[booking.service] ?? booking.service}
              {booking.seat !== null && `（第 ${booking.seat} 座）`}
            </Descriptions.Item>
            <Descriptions.Item label="站点">{booking.stationName}</Descriptions.Item>
            <Descriptions.Item label="咨询师">{booking.counselorName}</Descriptions.Item>
            {booking.forOther ? (
              <>
                <Descriptions.Item label="来访者">
                  <span className="booking-contact__attendee">
                    {booking.forOther.name}（{booking.forOther.relationship}） {booking.forOther.phone}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label="代约人">
                  <span className="booking-contact__booker">
                    {booking.contact.name} {booking.contact.phone}
                  </span>
                </Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label="来访者">
                <span className="booking-contact__attendee">
                  {booking.contact.name} {booking.contact.phone}
                </span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label="想聊的话题">{booking.topic || <Typography.Text type="secondary">未填写</Typography.Text>}</Descriptions.Item>
            {booking.cancelReason && (
              <Descriptions.Item label={booking.status === 'cancelled_by_station' ? '婉拒原因' : '取消原因'}>
                {booking.cancelReason}
              </Descriptions.Item>
            )}
            {booking.rating && (
              <Descriptions.Item label="居民评价">
                {booking.rating.score} 分{booking.rating.comment ? `：${booking.rating.comment}` : ''}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="提交时间">{formatDateTime(booking.createdAt)}</Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} className="booking-drawer__section">
            会谈记录
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="booking-drawer__hint">
            只有本站点工作人员能看到，居民看不到。
          </Typography.Paragraph>
          <Input.TextArea
            className="booking-notes"
            value={notes}
            onChange={(e) => {
              setNotes(e.target.value);
              setNotesDirty(true);
            }}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={MAX_NOTES}
            showCount
            placeholder="记录这次会谈的要点、后续安排"
          />
          <Button className="booking-notes__save" loading={busy === 'notes'} disabled={!notesDirty} onClick={() => void submitNotes()}>
            保存记录
          </Button>

          {booking.history.length > 0 && (
            <>
              <Typography.Title level={5} className="booking-drawer__section">
                变更记录
              </Typography.Title>
              <Timeline
                className="booking-history"
                items={booking.history.map((h) => ({
                  key: `${h.version}`,
                  content: (
                    <span>
                      {formatDateTime(h.at)} · {ACTOR_LABELS[h.actor] ?? h.actor}：{h.from ? `${statusLabel(h.from)} → ` : ''}
                      {statusLabel(h.to)}
                      {h.reason ? `（${h.reason}）` : ''}
                    </span>
                  ),
                }))}
              />
            </>
          )}

          <Modal
            title="婉拒这次预约"
            open={declineOpen}
            okText="婉拒并通知居民"
            cancelText="取消"
            okButtonProps={{ danger: true, loading: busy === 'decline', className: 'decline-submit' }}
            onOk={() => void submitDecline()}
            onCancel={() => setDeclineOpen(false)}
            destroyOnHidden
          >
            <Typography.Paragraph type="secondary">
              居民会在通知里看到原因。语气温和一些，可以建议其他时间或站点。
            </Typography.Paragraph>
            <Input.TextArea
              className="decline-reason"
              value={declineReason}
              onChange={(e) => {
                setDeclineReason(e.target.value);
                setDeclineError(null);
              }}
              autoSize={{ minRows: 3 }}
              maxLength={MAX_DECLINE_REASON}
              showCount
              placeholder="例如：咨询师临时外出，很抱歉，请改约其他时间"
              status={declineError ? 'error' : undefined}
            />
            {declineError && <Typography.Text type="danger">{declineError}</Typography.Text>}
          </Modal>

          <RescheduleModal
            booking={booking}
            open={rescheduleOpen}
            onClose={() => setRescheduleOpen(false)}
            onDone={(fresh) => {
              accept(fresh);
              setRescheduleOpen(false);
            }}
            onConflict={() => void reloadAfterConflict(booking.id)}
          />
        </div>
      )}
    </Drawer>
  );
}

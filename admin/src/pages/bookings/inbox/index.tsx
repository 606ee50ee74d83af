import { ReloadOutlined } from '@ant-design/icons';
import { App, Alert, Badge, Button, Select, Space, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { getBooking, listAllBookings, type AdminBooking } from '../../../services/bookings';
import { ApiError } from '../../../services/errors';
import { listAdminStations } from '../../../services/stations';
import { stationOptions, subtreeIds } from '../../stations/shared/station-tree';
import '../bookings.css';
import CalendarPanel from '../calendar/CalendarPanel';
import BookingDrawer from '../components/BookingDrawer';
import InboxTable from '../components/InboxTable';
import { SERVICE_LABELS, STATUS_LABELS } from '../shared/booking-status';
import { chinaToday, formatSlotTime } from '../shared/china-time';
import {
  INBOX_VIEW_LABELS,
  RANGE_PRESET_LABELS,
  matchesFilter,
  needsFetch,
  presetRange,
  sortInbox,
  statusQuery,
  upsertBooking,
  type BookingStreamEvent,
  type InboxFilter,
  type InboxView,
  type RangePreset,
} from '../shared/inbox-list';
import StreamStatusDot from '../shared/StreamStatusDot';
import { useBookingStream } from '../shared/useBookingStream';

/** How long a booking that just arrived stays highlighted. */
const FRESH_MS = 15_000;

const loadStations = (signal: AbortSignal) => listAdminStations(signal);

const VIEW_OPTIONS: { value: InboxView; label: string }[] = [
  { value: 'open', label: INBOX_VIEW_LABELS.open },
  { value: 'pending', label: INBOX_VIEW_LABELS.pending },
  { value: 'confirmed', label: STATUS_LABELS.confirmed },
  { value: 'checked_in', label: STATUS_LABELS.checked_in },
  { value: 'completed', label: STATUS_LABELS.completed },
  { value: 'no_show', label: STATUS_LABELS.no_show },
  { value: 'cancelled_by_resident', label: STATUS_LABELS.cancelled_by_resident },
  { value: 'cancelled_by_station', label: STATUS_LABELS.cancelled_by_station },
  { value: 'all', label: INBOX_VIEW_LABELS.all },
];

export default function BookingInboxPage() {
  const { notification } = App.useApp();
  const stations = useApi(loadStations);
  const stationList = useMemo(() => (stations.status === 'success' ? stations.data.items : []), [stations]);

  const [tab, setTab] = useState('inbox');
  const [stationId, setStationId] = useState<string | undefined>();
  const [view, setView] = useState<InboxView>('open');
  const [preset, setPreset] = useState<RangePreset>('recent');
  const [today, setToday] = useState(() => chinaToday(Date.now()));
  const [rows, setRows] = useState<AdminBooking[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reloadNonce, setReloadNonce] = useState(0);
  const [freshIds, setFreshIds] = useState<ReadonlySet<string>>(new Set());
  const [calendarKey, setCalendarKey] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [openInitial, setOpenInitial] = useState<AdminBooking | null>(null);
  const [latest, setLatest] = useState<AdminBooking | null>(null);

  const filter = useMemo<InboxFilter>(() => {
    const range = presetRange(preset, today);
    return { view, ...range, stationIds: stationId ? subtreeIds(stationList, stationId) : null };
  }, [preset, today, view, stationId, stationList]);

  // Event handlers read the newest list and filter without re-subscribing the stream.
  const rowsRef = useRef(rows);
  const filterRef = useRef(filter);
  useEffect(() => {
    rowsRef.current = rows;
    filterRef.current = filter;
  });

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setLoadError(null);
    // The date may have rolled over while the inbox stayed open.
    setToday(chinaToday(Date.now()));
    listAllBookings(
      { stationId, status: statusQuery(filter.view), from: filter.from, to: filter.to },
      controller.signal,
    ).then(
      (items) => {
        if (controller.signal.aborted) return;
        for (const item of items) seenVersions.current.set(item.id, item.version);
        setRows(sortInbox(items));
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        setLoadError(err instanceof ApiError ? err.message : '预约列表加载失败，请稍后再试');
      },
    );
    return () => controller.abort();
    // filter.stationIds follows stationId; listing it would reload whenever the station list object changes.
  }, [stationId, filter.view, filter.from, filter.to, reloadNonce]);

  // Versions already passed on, so re-reading an unchanged booking (opening the drawer) does not
  // make the calendar reload.
  const seenVersions = useRef(new Map<string, number>());
  const accept = useCallback((booking: AdminBooking) => {
    setLatest(booking);
    if (seenVersions.current.get(booking.id) !== booking.version) {
      seenVersions.current.set(booking.id, booking.version);
      setCalendarKey((n) => n + 1);
    }
    setRows((current) =>
      current.some((row) => row.id === booking.id) || matchesFilter(booking, filterRef.current)
        ? upsertBooking(current, booking)
        : current,
    );
  }, []);

  const markFresh = useCallback((id: string) => {
    setFreshIds((current) => new Set(current).add(id));
    window.setTimeout(() => {
      setFreshIds((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
    }, FRESH_MS);
  }, []);

  const onEvent = useCallback(
    (event: BookingStreamEvent) => {
      const created = event.type === 'booking.created';
      if (!created && !needsFetch(rowsRef.current, event, filterRef.current)) {
        // Not shown here; the calendar may still show it.
        setCalendarKey((n) => n + 1);
        return;
      }
      getBooking(event.id).then(
        (booking) => {
          accept(booking);
          if (created) {
            markFresh(booking.id);
            notification.info({
              title: '新预约',
              description: `${formatSlotTime(booking.start)} · ${booking.counselorName} · ${SERVICE_LABELS[booking.service] ?? ''}`,
              className: 'booking-notification',
              placement: 'topRight',
              duration: 6,
            });
          }
        },
        (err: unknown) => {
          // Out of scope or already gone: nothing to show. Anything else is a bug.
          if (!(err instanceof ApiError)) throw err;
        },
      );
    },
    [accept, markFresh, notification],
  );

  const streamStatus = useBookingStream({ onEvent, onResync: () => setReloadNonce((n) => n + 1) });

  const open = (booking: AdminBooking) => {
    setOpenInitial(booking);
    setOpenId(booking.id);
    setFreshIds((current) => {
      if (!current.has(booking.id)) return current;
      const next = new Set(current);
      next.delete(booking.id);
      return next;
    });
  };

  const pendingCount = rows.filter((r) => r.status === 'pending').length;
  const options = useMemo(() => stationOptions(stationList), [stationList]);

  return (
    <PageContainer extra={<StreamStatusDot status={streamStatus} />}>
      {stations.status === 'error' && <Alert type="error" showIcon title={stations.error.message} className="page-alert" />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'inbox',
            label: (
              <span className="booking-tab-inbox">
                收件箱 <Badge count={pendingCount} size="small" title={`${pendingCount} 条待确认`} />
              </span>
            ),
            children: (
              <>
                <Space className="booking-toolbar" wrap>
                  {options.length > 1 && (
                    <Select
                      className="inbox-station"
                      allowClear
                      placeholder="全部站点"
                      style={{ minWidth: 200 }}
                      options={options}
                      value={stationId}
                      onChange={setStationId}
                    />
                  )}
                  <Select<InboxView>
                    className="inbox-status"
                    style={{ minWidth: 120 }}
                    value={view}
                    onChange={setView}
                    options={VIEW_OPTIONS}
                  />
                  <Select<RangePreset>
                    className="inbox-range"
                    style={{ minWidth: 200 }}
                    value={preset}
                    onChange={setPreset}
                    options={(Object.keys(RANGE_PRESET_LABELS) as RangePreset[]).map((key) => ({
                      value: key,
                      label: RANGE_PRESET_LABELS[key],
                    }))}
                  />
                  <Button icon={<ReloadOutlined />} onClick={() => setReloadNonce((n) => n + 1)}>
                    刷新
                  </Button>
                </Space>
                {loadError && <Alert type="error" showIcon title={loadError} className="page-alert" />}
                <InboxTable
                  rows={rows}
                  loading={loading}
                  freshIds={freshIds}
                  showStation={options.length > 1}
                  emptyText={loadError ? '预约列表加载失败' : '暂时没有需要处理的预约'}
                  onOpen={open}
                />
              </>
            ),
          },
          {
            key: 'calendar',
            label: '日程',
            children: (
              <CalendarPanel
                stations={stationList}
                reloadKey={calendarKey}
                onOpenBooking={open}
              />
            ),
          },
        ]}
      />
      <BookingDrawer
        bookingId={openId}
        initial={openInitial}
        latest={latest}
        onClose={() => setOpenId(null)}
        onChanged={accept}
      />
    </PageContainer>
  );
}

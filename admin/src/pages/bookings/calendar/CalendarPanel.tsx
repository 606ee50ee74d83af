import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App, Alert, Button, Empty, Input, Popconfirm, Segmented, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { deleteBlock, listAllBookings, listBlocks, type AdminBooking, type Block } from '../../../services/bookings';
import { listCounselors, type Counselor } from '../../../services/counselors';
import { ApiError } from '../../../services/errors';
import type { Station } from '../../../services/stations';
import { stationOptions } from '../../stations/shared/station-tree';
import { SERVICE_LABELS, statusLabel } from '../shared/booking-status';
import {
  buildColumns,
  buildGrid,
  calendarEntries,
  visibleDates,
  type CalendarCell,
  type CalendarMode,
  type CalendarRow,
} from '../shared/calendar-grid';
import { addDays, chinaTime, chinaToday, formatChinaDay } from '../shared/china-time';
import BlockModal from './BlockModal';

interface Props {
  stations: Station[];
  /** Bumped by the page whenever a booking changed (live event or an action): reload. */
  reloadKey: number;
  onOpenBooking(booking: AdminBooking): void;
}

interface CalendarData {
  counselors: Counselor[];
  bookings: AdminBooking[];
  blocks: Block[];
}

export default function CalendarPanel({ stations, reloadKey, onOpenBooking }: Props) {
  const { message } = App.useApp();
  const options = useMemo(() => stationOptions(stations), [stations]);
  const [stationId, setStationId] = useState<string | undefined>(options[0]?.value);
  const [mode, setMode] = useState<CalendarMode>('day');
  const [date, setDate] = useState(() => chinaToday(Date.now()));
  const [counselorFilter, setCounselorFilter] = useState<string | undefined>();
  const [data, setData] = useState<CalendarData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [ownReload, setOwnReload] = useState(0);
  const [blockOpen, setBlockOpen] = useState(false);

  useEffect(() => {
    if (!stationId && options[0]) setStationId(options[0].value);
  }, [options, stationId]);

  const dates = visibleDates(mode, date);
  const from = dates[0]!;
  const to = dates[dates.length - 1]!;

  useEffect(() => {
    if (!stationId) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    Promise.all([
      listCounselors({ stationId, pageSize: 50 }, controller.signal),
      listAllBookings({ stationId, from, to }, controller.signal),
      listBlocks({ stationId, from, to }, controller.signal),
    ]).then(
      ([counselors, bookings, blocks]) => {
        if (controller.signal.aborted) return;
        const own = counselors.items.filter((c) => c.stationId === stationId);
        // The booking list covers the subtree; this calendar shows the chosen station's own counselors.
        const ids = new Set(own.map((c) => c.id));
        setData({
          counselors: own,
          bookings: bookings.filter((b) => ids.has(b.counselorId)),
          blocks: blocks.items.filter((bl) => ids.has(bl.counselorId)),
        });
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        setError(err instanceof ApiError ? err.message : '日程加载失败，请稍后再试');
      },
    );
    return () => controller.abort();
  }, [stationId, from, to, reloadKey, ownReload]);

  const counselorNames = useMemo(() => new Map((data?.counselors ?? []).map((c) => [c.id, c.name])), [data]);
  const columns = useMemo(
    () => buildColumns(mode, date, (data?.counselors ?? []).map((c) => c.id), counselorFilter),
    [mode, date, data, counselorFilter],
  );
  const rows = useMemo(
    () => (data ? buildGrid(columns, calendarEntries(data.bookings, data.blocks)) : []),
    [columns, data],
  );

  async function removeBlock(block: Block) {
    try {
      await deleteBlock(block.id);
      void message.success('已取消屏蔽，这段时间可以再被预约');
      setOwnReload((n) => n + 1);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      void message.error(err.message);
    }
  }

  function renderCell(cells: CalendarCell[] | undefined) {
    return (cells ?? []).map(({ entry, continued }) => {
      if (continued) {
        return <div key={entry.id} className={`calendar-entry calendar-entry--continued calendar-entry--${entry.kind === 'block' ? 'block' : entry.status}`} />;
      }
      const range = `${chinaTime(entry.start)}–${chinaTime(entry.end)}`;
      const who = mode === 'week' && !counselorFilter ? `${counselorNames.get(entry.counselorId) ?? ''} ` : '';
      if (entry.kind === 'block') {
        return (
          <Popconfirm
            key={entry.id}
            title="取消这段屏蔽时间？"
            description="取消后居民可以预约这段时间。"
            okText="取消屏蔽"
            cancelText="保留"
            onConfirm={() => removeBlock(entry.block)}
          >
            <div className="calendar-entry calendar-entry--block" data-block-id={entry.id} title={entry.block.reason || '屏蔽时间'}>
              {who}屏蔽 {range}
              {entry.block.reason ? ` · ${entry.block.reason}` : ''}
            </div>
          </Popconfirm>
        );
      }
      const b = entry.booking;
      return (
        <div
          key={entry.id}
          className={`calendar-entry calendar-entry--booking calendar-entry--${b.status}`}
          data-booking-id={b.id}
          role="button"
          tabIndex={0}
          onClick={() => onOpenBooking(b)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onOpenBooking(b);
          }}
          title={`${range} ${SERVICE_LABELS[b.service]} ${statusLabel(b.status)}`}
        >
          {who}
          {range} {SERVICE_LABELS[b.service]} · {statusLabel(b.status)}
        </div>
      );
    });
  }

  const tableColumns: TableColumnsType<CalendarRow> = [
    {
      title: '时间',
      key: 'time',
      width: 64,
      fixed: 'left',
      render: (_, row) => <span className="calendar-time">{row.time}</span>,
    },
    ...columns.map((column) => ({
      title: mode === 'day' ? (counselorNames.get(column.counselorId ?? '') ?? '咨询师') : formatChinaDay(column.date),
      key: column.key,
      width: mode === 'day' ? 180 : 150,
      onHeaderCell: () => ({ className: column.date === chinaToday(Date.now()) && mode === 'week' ? 'calendar-today' : undefined }),
      render: (_: unknown, row: CalendarRow) => renderCell(row.cells[column.key]),
    })),
  ];

  const step = mode === 'day' ? 1 : 7;
  const counselorsForBlock = (data?.counselors ?? []).map((c) => ({ id: c.id, name: c.name }));

  return (
    <div className="booking-calendar-panel">
      <Space className="booking-toolbar" wrap>
        <Select
          className="calendar-station"
          style={{ minWidth: 200 }}
          options={options}
          value={stationId}
          onChange={(value) => {
            setStationId(value);
            setCounselorFilter(undefined);
          }}
          placeholder="选择站点"
        />
        <Segmented<CalendarMode>
          className="calendar-mode"
          options={[
            { value: 'day', label: '日' },
            { value: 'week', label: '周' },
          ]}
          value={mode}
          onChange={setMode}
        />
        <Button icon={<LeftOutlined />} aria-label={mode === 'day' ? '前一天' : '上一周'} onClick={() => setDate(addDays(date, -step))} />
        <Button onClick={() => setDate(chinaToday(Date.now()))}>今天</Button>
        <Button icon={<RightOutlined />} aria-label={mode === 'day' ? '后一天' : '下一周'} onClick={() => setDate(addDays(date, step))} />
        <Input type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} style={{ width: 160 }} />
        <Typography.Text type="secondary">
          {mode === 'day' ? formatChinaDay(date) : `${formatChinaDay(from)} – ${formatChinaDay(to)}`}
        </Typography.Text>
        <Select
          allowClear
          style={{ minWidth: 140 }}
          placeholder="全部咨询师"
          value={counselorFilter}
          onChange={setCounselorFilter}
          options={(data?.counselors ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Button className="calendar-block-button" disabled={!counselorsForBlock.length} onClick={() => setBlockOpen(true)}>
          屏蔽时间
        </Button>
      </Space>

      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      {data && data.counselors.length === 0 ? (
        <Empty description="这个站点还没有咨询师，先在“咨询师管理”里添加" />
      ) : (
        <Table<CalendarRow>
          className="booking-calendar"
          rowKey="key"
          size="small"
          bordered
          loading={loading}
          columns={tableColumns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}

      <BlockModal
        open={blockOpen}
        counselors={counselorsForBlock}
        defaults={{
          counselorId: counselorFilter ?? counselorsForBlock[0]?.id,
          startDate: date,
          endDate: date,
          startTime: '09:00',
          endTime: '12:00',
          reason: '',
        }}
        onClose={() => setBlockOpen(false)}
        onCreated={() => {
          setBlockOpen(false);
          setOwnReload((n) => n + 1);
        }}
      />
    </div>
  );
}

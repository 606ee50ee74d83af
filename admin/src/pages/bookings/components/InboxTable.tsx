import { Button, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { AdminBooking } from '../../../services/bookings';
import { SERVICE_LABELS, STATUS_COLORS, statusLabel } from '../shared/booking-status';
import { formatDateTime, formatTimeRange } from '../shared/china-time';

interface Props {
  rows: AdminBooking[];
  loading: boolean;
  /** Rows that just arrived through the live stream: highlighted for a while. */
  freshIds: ReadonlySet<string>;
  showStation: boolean;
  emptyText: string;
  onOpen(booking: AdminBooking): void;
}

/**
 * The inbox list. Deliberately without names, phones or topics: those are shown in the drawer only, so a
 * screen glimpsed over a shoulder gives nothing away.
 */
export default function InboxTable({ rows, loading, freshIds, showStation, emptyText, onOpen }: Props) {
  const columns: TableColumnsType<AdminBooking> = [
    {
      title: '预约时间',
      key: 'time',
      render: (_, b) => formatTimeRange(b.start, b.end),
    },
    { title: '咨询师', dataIndex: 'counselorName', key: 'counselor', width: 120 },
    {
      title: '服务',
      key: 'service',
      width: 110,
      render: (_, b) => (
        <>
          {SERVICE_LABELS[b.service] ?? b.service}
          {b.forOther ? <Tag className="booking-row__for-other">代约</Tag> : null}
        </>
      ),
    },
    ...(showStation ? [{ title: '站点', dataIndex: 'stationName', key: 'station' }] : []),
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, b) => (
        <Tag className="booking-row__status" color={STATUS_COLORS[b.status]}>
          {statusLabel(b.status)}
        </Tag>
      ),
    },
    { title: '提交时间', key: 'created', width: 150, render: (_, b) => formatDateTime(b.createdAt) },
    {
      title: '操作',
      key: 'open',
      width: 80,
      render: (_, b) => (
        <Button
          type="link"
          size="small"
          className="booking-row__open"
          onClick={(e) => {
            e.stopPropagation();
            onOpen(b);
          }}
        >
          {b.status === 'pending' ? '处理' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Table<AdminBooking>
      className="booking-inbox"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      rowClassName={(b) => `booking-row booking-row--${b.status}${freshIds.has(b.id) ? ' booking-row--new' : ''}`}
      onRow={(b) =>
        ({
          'data-booking-id': b.id,
          onClick: () => onOpen(b),
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条预约` }}
      locale={{ emptyText }}
    />
  );
}

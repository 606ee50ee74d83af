import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { useState } from 'react';
import type { TrackState } from '../../../services/content';
import { ApiError } from '../../../services/errors';
import { formatDuration } from '../shared/format';

/** What a relaxation audio track and a video have in common on the editor's shelf. */
export interface ShelfItem {
  id: string;
  title: string;
  description?: string | null | undefined;
  cover: string | null;
  durationSec: number | null;
  state: TrackState;
}

/** Archive (take off the shelf) and put back, one item at a time, with the outcome told in a toast. */
export function useShelfActions<T extends ShelfItem>(api: { archive: (id: string) => Promise<unknown>; republish: (id: string) => Promise<unknown>; reload: () => void }) {
  const { message } = App.useApp();
  const [busyId, setBusyId] = useState<string | null>(null);
  const act = async (item: T, action: 'archive' | 'republish') => {
    setBusyId(item.id);
    try {
      await (action === 'archive' ? api.archive(item.id) : api.republish(item.id));
      message.success(action === 'archive' ? `“${item.title}”已归档，居民不会再看到它` : `“${item.title}”已重新上架`);
      api.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      message.error(err.message);
    } finally {
      setBusyId(null);
    }
  };
  return { busyId, act };
}

export function coverColumn<T extends ShelfItem>(): TableColumnType<T> {
  return {
    title: '封面',
    key: 'cover',
    width: 72,
    render: (_, row) =>
      row.cover ? <img src={row.cover} alt="" style={{ width: 48, height: 48, objectFit: 'cover', borderRadius: 6 }} /> : null,
  };
}

export function titleColumn<T extends ShelfItem>(className: string): TableColumnType<T> {
  return {
    title: '标题',
    dataIndex: 'title',
    key: 'title',
    render: (title: string, row) => (
      <Space orientation="vertical" size={0}>
        <span className={className}>{title}</span>
        {row.description && (
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
            {row.description}
          </Typography.Text>
        )}
      </Space>
    ),
  };
}

export function durationColumn<T extends ShelfItem>(): TableColumnType<T> {
  return { title: '时长', dataIndex: 'durationSec', key: 'duration', width: 80, render: (v: number | null) => formatDuration(v) };
}

export function stateColumn<T extends ShelfItem>(): TableColumnType<T> {
  return {
    title: '状态',
    dataIndex: 'state',
    key: 'state',
    width: 90,
    render: (state: TrackState) => (state === 'published' ? <Tag color="green">已上架</Tag> : <Tag>已归档</Tag>),
  };
}

/** 编辑 / 归档 (confirmed) / 重新上架; `classPrefix` names the buttons for the e2e tests (audio-track-edit, video-archive…). */
export function shelfActionsColumn<T extends ShelfItem>(opts: {
  noun: string;
  classPrefix: string;
  busyId: string | null;
  act: (item: T, action: 'archive' | 'republish') => Promise<void>;
  onEdit: (item: T) => void;
}): TableColumnType<T> {
  const { noun, classPrefix, busyId, act, onEdit } = opts;
  return {
    title: '操作',
    key: 'actions',
    width: 150,
    render: (_, row) => (
      <Space size={4}>
        <Button size="small" onClick={() => onEdit(row)} className={`${classPrefix}-edit`}>
          编辑
        </Button>
        {row.state === 'published' ? (
          <Popconfirm
            title={`归档这段${noun}？`}
            description="归档后居民在“放松”里看不到它，之后可以重新上架。"
            okText="归档"
            cancelText="取消"
            onConfirm={() => act(row, 'archive')}
          >
            <Button size="small" danger loading={busyId === row.id} className={`${classPrefix}-archive`}>
              归档
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" loading={busyId === row.id} onClick={() => void act(row, 'republish')} className={`${classPrefix}-republish`}>
            重新上架
          </Button>
        )}
      </Space>
    ),
  };
}

import { Alert, App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useApi } from '../../../hooks/useApi';
import {
  AUDIO_CATEGORIES,
  archiveAudioTrack,
  listAudioTracks,
  republishAudioTrack,
  type AudioCategory,
  type AudioTrack,
} from '../../../services/content';
import { ApiError } from '../../../services/errors';
import { formatDuration } from '../shared/format';
import EditTrackModal from './EditTrackModal';

/** 放松音频: the tracks residents see, with edit, archive (take off the shelf) and put back. */
export default function AudioTracksTab() {
  const { message } = App.useApp();
  const tracks = useApi(listAudioTracks);
  const [category, setCategory] = useState<AudioCategory | undefined>(undefined);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [editing, setEditing] = useState<AudioTrack | null>(null);

  const act = async (track: AudioTrack, action: 'archive' | 'republish') => {
    setBusyId(track.id);
    try {
      if (action === 'archive') await archiveAudioTrack(track.id);
      else await republishAudioTrack(track.id);
      message.success(action === 'archive' ? `“${track.title}”已归档，居民不会再看到它` : `“${track.title}”已重新上架`);
      tracks.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      message.error(err.message);
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<AudioTrack> = [
    {
      title: '封面',
      key: 'cover',
      width: 72,
      render: (_, row) =>
        row.cover ? <img src={row.cover} alt="" style={{ width: 48, height: 48, objectFit: 'cover', borderRadius: 6 }} /> : null,
    },
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (title: string, row) => (
        <Space orientation="vertical" size={0}>
          <span className="audio-track-title">{title}</span>
          {row.description && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
              {row.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '分类', dataIndex: 'category', key: 'category', width: 100 },
    { title: '时长', dataIndex: 'durationSec', key: 'duration', width: 80, render: (v: number | null) => formatDuration(v) },
    {
      title: '状态',
      dataIndex: 'state',
      key: 'state',
      width: 90,
      render: (state: AudioTrack['state']) =>
        state === 'published' ? <Tag color="green">已上架</Tag> : <Tag>已归档</Tag>,
    },
    { title: '播放次数', dataIndex: 'plays', key: 'plays', width: 90, render: (v: number | undefined) => v ?? '—' },
    {
      title: '试听',
      key: 'listen',
      width: 260,
      render: (_, row) => <audio controls preload="none" src={row.url} style={{ width: 240, height: 32 }} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, row) => (
        <Space size={4}>
          <Button size="small" onClick={() => setEditing(row)} className="audio-track-edit">
            编辑
          </Button>
          {row.state === 'published' ? (
            <Popconfirm
              title="归档这段音频？"
              description="归档后居民在“放松”里看不到它，之后可以重新上架。"
              okText="归档"
              cancelText="取消"
              onConfirm={() => act(row, 'archive')}
            >
              <Button size="small" danger loading={busyId === row.id} className="audio-track-archive">
                归档
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" loading={busyId === row.id} onClick={() => void act(row, 'republish')}>
              重新上架
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const items = tracks.status === 'success' ? tracks.data.filter((t) => !category || t.category === category) : [];

  return (
    <div className="audio-tracks">
      <Space style={{ marginBottom: 16 }} wrap>
        <Select<AudioCategory>
          allowClear
          placeholder="全部分类"
          style={{ width: 160 }}
          value={category}
          onChange={setCategory}
          options={AUDIO_CATEGORIES.map((c) => ({ value: c, label: c }))}
          aria-label="按分类筛选"
        />
        <Button onClick={tracks.reload} loading={tracks.status === 'loading'}>
          刷新
        </Button>
      </Space>
      {tracks.status === 'error' && <Alert type="error" showIcon title={tracks.error.message} className="page-alert" />}
      <Table<AudioTrack>
        className="audio-track-table"
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={tracks.status === 'loading'}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 段音频` }}
        locale={{
          emptyText:
            tracks.status === 'error' ? '音频列表加载失败' : '还没有放松音频。在“素材”里上传音频后，点“发布为放松音频”即可。',
        }}
      />
      <EditTrackModal
        track={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          tracks.reload();
        }}
      />
    </div>
  );
}

import { Alert, Button, Select, Space, Table } from 'antd';
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
import EditTrackModal from './EditTrackModal';
import { coverColumn, durationColumn, shelfActionsColumn, stateColumn, titleColumn, useShelfActions } from './shelf-columns';

/** 放松音频: the tracks residents see, with edit, archive (take off the shelf) and put back. */
export default function AudioTracksTab() {
  const tracks = useApi(listAudioTracks);
  const [category, setCategory] = useState<AudioCategory | undefined>(undefined);
  const [editing, setEditing] = useState<AudioTrack | null>(null);
  const { busyId, act } = useShelfActions<AudioTrack>({ archive: archiveAudioTrack, republish: republishAudioTrack, reload: tracks.reload });

  const columns: TableColumnsType<AudioTrack> = [
    coverColumn(),
    titleColumn('audio-track-title'),
    { title: '分类', dataIndex: 'category', key: 'category', width: 100 },
    durationColumn(),
    stateColumn(),
    { title: '播放次数', dataIndex: 'plays', key: 'plays', width: 90, render: (v: number | undefined) => v ?? '—' },
    {
      title: '试听',
      key: 'listen',
      width: 260,
      render: (_, row) => <audio controls preload="none" src={row.url} style={{ width: 240, height: 32 }} />,
    },
    shelfActionsColumn({ noun: '音频', classPrefix: 'audio-track', busyId, act, onEdit: setEditing }),
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

import { Alert, Button, Segmented, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useApi } from '../../../hooks/useApi';
import type { TrackState } from '../../../services/content';
import { archiveVideo, listVideos, republishVideo, type AdminVideo } from './media-api';
import { coverColumn, durationColumn, shelfActionsColumn, stateColumn, titleColumn, useShelfActions } from './shelf-columns';
import VideoFormModal, { type VideoFormTarget } from './VideoFormModal';

type StateFilter = TrackState | 'all';

/** 放松视频: the videos residents see, with edit, archive (take off the shelf) and put back. */
export default function VideosTab() {
  const videos = useApi(listVideos);
  const [filter, setFilter] = useState<StateFilter>('all');
  const [editing, setEditing] = useState<VideoFormTarget | null>(null);
  const { busyId, act } = useShelfActions<AdminVideo>({ archive: archiveVideo, republish: republishVideo, reload: videos.reload });

  const columns: TableColumnsType<AdminVideo> = [
    coverColumn(),
    titleColumn('video-title'),
    durationColumn(),
    stateColumn(),
    {
      title: '预览',
      key: 'preview',
      width: 200,
      render: (_, row) => <video controls preload="none" src={row.url} poster={row.cover ?? undefined} style={{ width: 180, maxHeight: 110 }} />,
    },
    shelfActionsColumn({ noun: '视频', classPrefix: 'video', busyId, act, onEdit: (video) => setEditing({ kind: 'edit', video }) }),
  ];

  const items = videos.status === 'success' ? videos.data.filter((v) => filter === 'all' || v.state === filter) : [];

  return (
    <div className="videos">
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented<StateFilter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: '全部' },
            { value: 'published', label: '已上架' },
            { value: 'archived', label: '已归档' },
          ]}
        />
        <Button onClick={videos.reload} loading={videos.status === 'loading'}>
          刷新
        </Button>
      </Space>
      {videos.status === 'error' && <Alert type="error" showIcon title={videos.error.message} className="page-alert" />}
      <Table<AdminVideo>
        className="video-table"
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={videos.status === 'loading'}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 段视频` }}
        locale={{
          emptyText:
            videos.status === 'error' ? '视频列表加载失败' : '还没有放松视频。在“素材”里上传 MP4 后，点“发布为放松视频”即可。',
        }}
      />
      <VideoFormModal
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          videos.reload();
        }}
      />
    </div>
  );
}

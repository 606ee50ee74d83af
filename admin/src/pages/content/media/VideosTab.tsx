import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useApi } from '../../../hooks/useApi';
import type { TrackState } from '../../../services/content';
import { ApiError } from '../../../services/errors';
import { formatDuration } from '../shared/format';
import { archiveVideo, listVideos, republishVideo, type AdminVideo } from './media-api';
import VideoFormModal, { type VideoFormTarget } from './VideoFormModal';

type StateFilter = TrackState | 'all';

/** 放松视频: the videos residents see, with edit, archive (take off the shelf) and put back. */
export default function VideosTab() {
  const { message } = App.useApp();
  const videos = useApi(listVideos);
  const [filter, setFilter] = useState<StateFilter>('all');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [editing, setEditing] = useState<VideoFormTarget | null>(null);

  const act = async (video: AdminVideo, action: 'archive' | 'republish') => {
    setBusyId(video.id);
    try {
      if (action === 'archive') await archiveVideo(video.id);
      else await republishVideo(video.id);
      message.success(action === 'archive' ? `“${video.title}”已归档，居民不会再看到它` : `“${video.title}”已重新上架`);
      videos.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      message.error(err.message);
    } finally {
      setBusyId(null);
    }
  };

  const columns: TableColumnsType<AdminVideo> = [
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
          <span className="video-title">{title}</span>
          {row.description && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
              {row.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '时长', dataIndex: 'durationSec', key: 'duration', width: 80, render: (v: number | null) => formatDuration(v) },
    {
      title: '状态',
      dataIndex: 'state',
      key: 'state',
      width: 90,
      render: (state: TrackState) => (state === 'published' ? <Tag color="green">已上架</Tag> : <Tag>已归档</Tag>),
    },
    {
      title: '预览',
      key: 'preview',
      width: 200,
      render: (_, row) => <video controls preload="none" src={row.url} poster={row.cover ?? undefined} style={{ width: 180, maxHeight: 110 }} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, row) => (
        <Space size={4}>
          <Button size="small" onClick={() => setEditing({ kind: 'edit', video: row })} className="video-edit">
            编辑
          </Button>
          {row.state === 'published' ? (
            <Popconfirm
              title="归档这段视频？"
              description="归档后居民在“放松”里看不到它，之后可以重新上架。"
              okText="归档"
              cancelText="取消"
              onConfirm={() => act(row, 'archive')}
            >
              <Button size="small" danger loading={busyId === row.id} className="video-archive">
                归档
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" loading={busyId === row.id} onClick={() => void act(row, 'republish')} className="video-republish">
              重新上架
            </Button>
          )}
        </Space>
      ),
    },
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

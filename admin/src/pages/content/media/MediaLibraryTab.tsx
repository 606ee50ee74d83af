import { CustomerServiceOutlined, DeleteOutlined, LinkOutlined, PlaySquareOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Pagination, Popconfirm, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useApi } from '../../../hooks/useApi';
import { deleteMedia, listMedia, type MediaItem, type MediaKind } from '../../../services/content';
import { ApiError } from '../../../services/errors';
import { formatBytes, formatDateTime, formatDuration } from '../shared/format';
import { MEDIA_KIND_LABELS } from '../shared/media-rules';
import { UploadDropzone, UploadQueue } from '../shared/UploadDropzone';
import { useMediaUploads } from '../shared/useMediaUploads';
import PublishAudioModal from './PublishAudioModal';
import VideoFormModal, { type VideoFormTarget } from './VideoFormModal';

const PAGE_SIZE = 24;
type KindFilter = MediaKind | 'all';

const KIND_COLORS: Record<MediaKind, string> = { image: 'blue', audio: 'green', video: 'purple' };

export default function MediaLibraryTab({ onTrackPublished, onVideoPublished }: { onTrackPublished: () => void; onVideoPublished: () => void }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<KindFilter>('all');
  const [page, setPage] = useState(1);
  const [publishing, setPublishing] = useState<MediaItem | null>(null);
  const [publishingVideo, setPublishingVideo] = useState<VideoFormTarget | null>(null);
  const load = useCallback(
    (signal: AbortSignal) => listMedia({ kind: kind === 'all' ? undefined : kind, page, pageSize: PAGE_SIZE }, signal),
    [kind, page],
  );
  const media = useApi(load);
  const { reload } = media;
  const uploads = useMediaUploads(
    useCallback(
      (item: MediaItem) => {
        message.success(`“${item.originalName}”已上传`);
        reload();
      },
      [message, reload],
    ),
  );

  const remove = async (item: MediaItem) => {
    try {
      await deleteMedia(item.id);
      message.success('已删除');
      reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // 409 MEDIA_IN_USE: the server names what still uses the file.
      message.error(err.message);
    }
  };

  return (
    <div className="media-library">
      <UploadDropzone onFile={uploads.start} />
      <UploadQueue entries={uploads.entries} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />

      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented<KindFilter>
          className="media-kind-filter"
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'image', label: '图片' },
            { value: 'audio', label: '音频' },
            { value: 'video', label: '视频' },
          ]}
        />
        {media.status === 'success' && <Typography.Text type="secondary">共 {media.data.total} 个文件</Typography.Text>}
      </Space>

      {media.status === 'error' && (
        <Alert
          type="error"
          showIcon
          title={media.error.message}
          className="page-alert"
          action={
            <Button size="small" onClick={reload}>
              重试
            </Button>
          }
        />
      )}
      {media.status === 'loading' && (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin />
        </div>
      )}
      {media.status === 'success' && media.data.items.length === 0 && (
        <Empty className="media-empty" description={kind === 'all' ? '媒体库还是空的，先上传一个文件吧' : `还没有${MEDIA_KIND_LABELS[kind]}`} />
      )}
      {media.status === 'success' && media.data.items.length > 0 && (
        <>
          <div className="media-grid">
            {media.data.items.map((item) => (
              <MediaCard
                key={item.id}
                item={item}
                onDelete={() => remove(item)}
                onPublish={() => (item.kind === 'video' ? setPublishingVideo({ kind: 'publish', media: item }) : setPublishing(item))}
              />
            ))}
          </div>
          <Pagination
            style={{ marginTop: 16, textAlign: 'right' }}
            current={page}
            pageSize={PAGE_SIZE}
            total={media.data.total}
            onChange={setPage}
            hideOnSinglePage
            showSizeChanger={false}
          />
        </>
      )}
      <PublishAudioModal
        media={publishing}
        onClose={() => setPublishing(null)}
        onPublished={() => {
          setPublishing(null);
          onTrackPublished();
        }}
      />
      <VideoFormModal
        target={publishingVideo}
        onClose={() => setPublishingVideo(null)}
        onSaved={() => {
          setPublishingVideo(null);
          onVideoPublished();
        }}
      />
    </div>
  );
}

function MediaPreview({ item }: { item: MediaItem }) {
  const name = item.title || item.originalName;
  switch (item.kind) {
    case 'image':
      return <img src={item.url} alt={name} loading="lazy" />;
    case 'audio':
      // preload none: a page of players would otherwise open a range request each before anyone presses play.
      return <audio controls preload="none" src={item.url} aria-label={`试听 ${name}`} />;
    case 'video':
      return <video controls preload="metadata" src={item.url} aria-label={`播放 ${name}`} />;
  }
}

function MediaCard({ item, onDelete, onPublish }: { item: MediaItem; onDelete: () => Promise<void>; onPublish: () => void }) {
  const { message } = App.useApp();
  const name = item.title || item.originalName;
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(item.url);
      message.success('链接已复制，可以在正文里用 ![说明](链接) 插入图片');
    } catch {
      message.info(`图片链接：${item.url}`);
    }
  };
  return (
    <Card
      size="small"
      className={`media-item media-item-${item.kind}`}
      data-media-id={item.id}
      actions={[
        ...(item.kind === 'audio'
          ? [
              <Button key="publish" type="link" size="small" icon={<CustomerServiceOutlined />} onClick={onPublish} className="media-publish-audio">
                发布为放松音频
              </Button>,
            ]
          : []),
        ...(item.kind === 'video'
          ? [
              <Button key="publish" type="link" size="small" icon={<PlaySquareOutlined />} onClick={onPublish} className="media-publish-video">
                发布为放松视频
              </Button>,
            ]
          : []),
        ...(item.kind === 'image'
          ? [
              <Button key="copy" type="link" size="small" icon={<LinkOutlined />} onClick={() => void copyLink()}>
                复制链接
              </Button>,
            ]
          : []),
        <Popconfirm
          key="delete"
          title="删除这个文件？"
          description="删除后不能恢复。正在被文章、放松音频或视频使用的文件不能删除。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={onDelete}
        >
          <Button type="link" size="small" danger icon={<DeleteOutlined />} className="media-delete">
            删除
          </Button>
        </Popconfirm>,
      ]}
    >
      <div className="media-item-preview">
        <MediaPreview item={item} />
      </div>
      <div className="media-item-name" title={name}>
        {name}
      </div>
      <Space size={4} wrap className="media-item-meta">
        <Tag color={KIND_COLORS[item.kind]}>{MEDIA_KIND_LABELS[item.kind]}</Tag>
        {item.kind !== 'image' && <Typography.Text type="secondary" className="media-item-duration">时长 {formatDuration(item.durationSec)}</Typography.Text>}
        <Typography.Text type="secondary" className="media-item-size">{formatBytes(item.size)}</Typography.Text>
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(item.createdAt)} 上传
        </Typography.Text>
      </div>
    </Card>
  );
}

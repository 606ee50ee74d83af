import { Alert, Button, Empty, Modal, Pagination, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { useApi } from '../../../hooks/useApi';
import { listMedia, type MediaItem } from '../../../services/content';
import { UploadDropzone, UploadQueue } from './UploadDropzone';
import { useMediaUploads } from './useMediaUploads';
import './content.css';

const PAGE_SIZE = 24;

/** Choose an image from the media library (or upload one here) as a cover. */
export default function MediaPicker({
  open,
  title = '选择封面图片',
  selectedId,
  onPick,
  onClose,
}: {
  open: boolean;
  title?: string;
  selectedId?: string | null;
  onPick: (media: MediaItem) => void;
  onClose: () => void;
}) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      {/* Mounted only while open, so the list is fresh each time. */}
      {open && <PickerBody selectedId={selectedId ?? null} onPick={onPick} />}
    </Modal>
  );
}

function PickerBody({ selectedId, onPick }: { selectedId: string | null; onPick: (media: MediaItem) => void }) {
  const [page, setPage] = useState(1);
  const load = useCallback((signal: AbortSignal) => listMedia({ kind: 'image', page, pageSize: PAGE_SIZE }, signal), [page]);
  const media = useApi(load);
  const uploads = useMediaUploads((item) => {
    if (item.kind === 'image') onPick(item);
  });

  return (
    <div className="media-picker">
      <UploadDropzone
        onFile={uploads.start}
        accept="image/png,image/jpeg,image/webp,.png,.jpg,.jpeg,.webp"
        hint="上传新图片（PNG、JPEG、WebP，≤5 MB），上传后自动选中"
        multiple={false}
      />
      <UploadQueue entries={uploads.entries} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />
      {media.status === 'error' && <Alert type="error" showIcon title={media.error.message} className="page-alert" />}
      {media.status === 'loading' && (
        <div style={{ textAlign: 'center', padding: 24 }}>
          <Spin />
        </div>
      )}
      {media.status === 'success' && media.data.items.length === 0 && <Empty description="媒体库里还没有图片" />}
      {media.status === 'success' && media.data.items.length > 0 && (
        <>
          <div className="media-picker-grid">
            {media.data.items.map((item) => (
              <button
                type="button"
                key={item.id}
                className={`media-picker-item${item.id === selectedId ? ' is-selected' : ''}`}
                onClick={() => onPick(item)}
                title={item.title || item.originalName}
              >
                <img src={item.url} alt={item.title || item.originalName} loading="lazy" />
                <div className="media-picker-name">{item.title || item.originalName}</div>
              </button>
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
    </div>
  );
}

/** The chosen cover with change / remove, as a form control (value = media id). */
export function CoverField({
  value,
  url,
  onChange,
  disabled,
}: {
  value?: string | null;
  url: string | null;
  onChange?: (id: string | null, media: MediaItem | null) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="cover-field" style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
      {value && url ? <img className="cover-thumb" src={url} alt="封面" /> : <span className="cover-none">未选择封面</span>}
      {!disabled && (
        <>
          <Button type="link" size="small" className="cover-pick" onClick={() => setOpen(true)}>
            {value ? '更换' : '从媒体库选择'}
          </Button>
          {value && (
            <Button type="link" size="small" danger onClick={() => onChange?.(null, null)}>
              移除
            </Button>
          )}
        </>
      )}
      <MediaPicker
        open={open}
        selectedId={value ?? null}
        onClose={() => setOpen(false)}
        onPick={(media) => {
          onChange?.(media.id, media);
          setOpen(false);
        }}
      />
    </div>
  );
}

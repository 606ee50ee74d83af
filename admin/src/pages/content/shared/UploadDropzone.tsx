import { InboxOutlined } from '@ant-design/icons';
import { Button, Progress, Typography, Upload } from 'antd';
import { formatUploadProgress, uploadPercent } from './format';
import { MEDIA_ACCEPT } from './media-rules';
import type { UploadEntry } from './useMediaUploads';
import './content.css';

/**
 * The drop area. antd's Upload only hands us the files (customRequest); the request itself is ours
 * (services/content.ts uploadMedia: XHR for progress, same token rules as http.ts).
 */
export function UploadDropzone({
  onFile,
  accept = MEDIA_ACCEPT,
  hint = '图片（PNG、JPEG、WebP，≤5 MB）、音频（MP3、M4A/AAC，≤50 MB）、视频（MP4，≤200 MB）',
  multiple = true,
}: {
  onFile: (file: File) => Promise<unknown>;
  accept?: string;
  hint?: string;
  multiple?: boolean;
}) {
  return (
    <div className="media-upload">
      <Upload.Dragger
        accept={accept}
        multiple={multiple}
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) => {
          onFile(file as File).then(
            (result) => onSuccess?.(result),
            (err: unknown) => onError?.(err instanceof Error ? err : new Error(String(err))),
          );
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择文件，或把文件拖到这里</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
    </div>
  );
}

const STATUS: Record<UploadEntry['status'], 'active' | 'success' | 'exception'> = {
  uploading: 'active',
  done: 'success',
  error: 'exception',
};

export function UploadQueue({
  entries,
  onCancel,
  onDismiss,
}: {
  entries: readonly UploadEntry[];
  onCancel: (uid: string) => void;
  onDismiss: (uid: string) => void;
}) {
  if (!entries.length) return null;
  return (
    <div className="media-upload-progress">
      {entries.map((entry) => (
        <div key={entry.uid} className={`media-upload-entry is-${entry.status}`}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Typography.Text ellipsis className="media-upload-name">
              {entry.name}
            </Typography.Text>
            {entry.status === 'uploading' ? (
              <Button size="small" type="link" onClick={() => onCancel(entry.uid)}>
                取消
              </Button>
            ) : (
              <Button size="small" type="link" onClick={() => onDismiss(entry.uid)}>
                关闭
              </Button>
            )}
          </div>
          <Progress
            percent={entry.status === 'done' ? 100 : uploadPercent(entry.loaded, entry.total)}
            status={STATUS[entry.status]}
            size="small"
          />
          <Typography.Text type={entry.status === 'error' ? 'danger' : 'secondary'} className="media-upload-status">
            {entry.status === 'error'
              ? entry.error
              : entry.status === 'done'
                ? '上传完成'
                : formatUploadProgress(entry.loaded, entry.total)}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

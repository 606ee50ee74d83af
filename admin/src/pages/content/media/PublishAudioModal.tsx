import { Alert, App, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../../hooks/useSubmit';
import { createAudioTrack, type AudioCategory, type MediaItem } from '../../../services/content';
import { formatDuration } from '../shared/format';
import { suggestedTrackTitle } from '../shared/media-rules';
import TrackFields from './TrackFields';

interface TrackForm {
  title: string;
  category: AudioCategory;
  description: string;
  transcript: string;
  coverMediaId: string | null;
}

/** 发布为放松音频: an uploaded audio file becomes a track residents can play (published at once, no review step). */
export default function PublishAudioModal({
  media,
  onClose,
  onPublished,
}: {
  media: MediaItem | null;
  onClose: () => void;
  onPublished: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TrackForm>();
  const [coverUrl, setCoverUrl] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useSubmit();

  useEffect(() => {
    if (!media) return;
    setCoverUrl(null);
    setProblem(null);
  }, [media]);

  const confirm = async () => {
    if (!media) return;
    let values: TrackForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      const transcript = values.transcript?.trim();
      await createAudioTrack({
        mediaId: media.id,
        title: values.title.trim(),
        category: values.category,
        description: (values.description ?? '').trim(),
        ...(values.coverMediaId ? { coverMediaId: values.coverMediaId } : {}),
        ...(transcript ? { transcript } : {}),
      });
      message.success(`“${values.title.trim()}”已发布，居民现在可以在“放松”里听到它`);
      onPublished();
    });
  };

  return (
    <Modal
      open={media !== null}
      title="发布为放松音频"
      className="publish-audio-modal"
      okText="发布"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {media && (
        <>
          <Typography.Paragraph type="secondary">
            文件：{media.originalName} · 时长 {formatDuration(media.durationSec)}
          </Typography.Paragraph>
          <audio controls preload="none" src={media.url} style={{ width: '100%', marginBottom: 16 }} />
          <Form<TrackForm>
            form={form}
            name="track"
            layout="vertical"
            preserve={false}
            initialValues={{ title: suggestedTrackTitle(media), description: '', transcript: '', coverMediaId: null }}
          >
            <TrackFields mode="publish" coverUrl={coverUrl} onCoverChange={setCoverUrl} />
          </Form>
          {problem && <Alert type="error" showIcon title={problem} className="publish-audio-error" />}
        </>
      )}
    </Modal>
  );
}

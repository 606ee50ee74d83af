import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../../hooks/useSubmit';
import { AUDIO_CATEGORIES, createAudioTrack, type AudioCategory, type MediaItem } from '../../../services/content';
import { formatDuration } from '../shared/format';
import { suggestedTrackTitle } from '../shared/media-rules';
import { CoverField } from '../shared/MediaPicker';

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
            <Form.Item
              label="标题"
              name="title"
              rules={[
                { required: true, whitespace: true, message: '请填写标题' },
                { max: 60, message: '标题不超过60字' },
              ]}
            >
              <Input maxLength={60} showCount placeholder="例如：4-7-8 呼吸练习" />
            </Form.Item>
            <Form.Item label="分类" name="category" rules={[{ required: true, message: '请选择分类' }]}>
              <Select showSearch placeholder="选择一个分类" options={AUDIO_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item label="简介" name="description" rules={[{ max: 500, message: '简介不超过500字' }]}>
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="什么时候听、能帮到什么，一两句话就好" />
            </Form.Item>
            <Form.Item
              label="文字稿"
              name="transcript"
              extra="有人声引导的音频请填写，方便听不清或不方便外放的居民阅读。"
              rules={[{ max: 10000, message: '文字稿不超过10000字' }]}
            >
              <Input.TextArea rows={5} maxLength={10000} placeholder="引导语的文字（可不填）" />
            </Form.Item>
            <Form.Item label="封面" name="coverMediaId">
              <CoverField url={coverUrl} onChange={(_id, picked) => setCoverUrl(picked?.url ?? null)} />
            </Form.Item>
          </Form>
          {problem && <Alert type="error" showIcon title={problem} className="publish-audio-error" />}
        </>
      )}
    </Modal>
  );
}

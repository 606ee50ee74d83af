import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../../hooks/useSubmit';
import type { MediaItem } from '../../../services/content';
import { formatDuration } from '../shared/format';
import { suggestedTrackTitle } from '../shared/media-rules';
import { CoverField } from '../shared/MediaPicker';
import { createVideo, updateVideo, type AdminVideo } from './media-api';
import { DESCRIPTION_MAX, TITLE_MAX, hasChanges, newVideoBody, videoChanges, videoFormValues, type VideoFormValues } from './media-edits';
import { titleRules } from '../shared/title-rules';

/** What the modal is for: publishing an uploaded MP4, or editing a video. */
export type VideoFormTarget = { kind: 'publish'; media: MediaItem } | { kind: 'edit'; video: AdminVideo };

/** 发布为放松视频 / 编辑放松视频: published at once, like audio (no review step). */
export default function VideoFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: VideoFormTarget | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VideoFormValues>();
  const [coverUrl, setCoverUrl] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useSubmit();

  useEffect(() => {
    if (!target) return;
    setCoverUrl(target.kind === 'edit' ? target.video.cover : null);
    setProblem(null);
  }, [target]);

  const save = async () => {
    if (!target) return;
    let values: VideoFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      if (target.kind === 'publish') {
        await createVideo(newVideoBody(target.media.id, values));
        message.success(`“${values.title.trim()}”已发布，居民现在可以在“放松”里看到它`);
      } else {
        const changes = videoChanges(target.video, values);
        if (!hasChanges(changes)) {
          onClose();
          return;
        }
        await updateVideo(target.video.id, changes);
        message.success(target.video.state === 'published' ? '已保存，居民现在看到的就是新的内容' : '已保存');
      }
      onSaved();
    });
  };

  const url = target?.kind === 'publish' ? target.media.url : target?.video.url;
  const initialValues: VideoFormValues | undefined = !target
    ? undefined
    : target.kind === 'edit'
      ? videoFormValues(target.video)
      : { title: suggestedTrackTitle(target.media), description: '', coverMediaId: null };

  return (
    <Modal
      open={target !== null}
      title={target?.kind === 'edit' ? '编辑放松视频' : '发布为放松视频'}
      className={target?.kind === 'edit' ? 'edit-video-modal' : 'publish-video-modal'}
      okText={target?.kind === 'edit' ? '保存' : '发布'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {target && (
        <>
          {target.kind === 'publish' && (
            <Typography.Paragraph type="secondary">
              文件：{target.media.originalName} · 时长 {formatDuration(target.media.durationSec)}
            </Typography.Paragraph>
          )}
          <video controls preload="metadata" src={url} style={{ width: '100%', maxHeight: 280, marginBottom: 16 }} />
          <Form<VideoFormValues> form={form} name="video" layout="vertical" preserve={false} initialValues={initialValues}>
            <Form.Item
              label="标题"
              name="title"
              rules={titleRules(TITLE_MAX)}
            >
              <Input maxLength={TITLE_MAX} showCount placeholder="例如：跟着方块呼吸" />
            </Form.Item>
            <Form.Item label="简介" name="description" rules={[{ max: DESCRIPTION_MAX, message: `简介不超过${DESCRIPTION_MAX}字` }]}>
              <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} showCount placeholder="什么时候看、能帮到什么，一两句话就好" />
            </Form.Item>
            <Form.Item label="封面" name="coverMediaId">
              <CoverField url={coverUrl} onChange={(_id, picked) => setCoverUrl(picked?.url ?? null)} />
            </Form.Item>
          </Form>
          {problem && <Alert type="error" showIcon title={problem} className="video-form-error" />}
        </>
      )}
    </Modal>
  );
}

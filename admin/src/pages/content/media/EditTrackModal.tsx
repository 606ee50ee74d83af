import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../../hooks/useSubmit';
import { AUDIO_CATEGORIES, type AudioTrack } from '../../../services/content';
import { CoverField } from '../shared/MediaPicker';
import { updateAudioTrack } from './media-api';
import { DESCRIPTION_MAX, TITLE_MAX, TRANSCRIPT_MAX, hasChanges, trackChanges, trackFormValues, type TrackFormValues } from './media-edits';

/** 编辑放松音频: title, category, description, transcript and cover of a track; residents see the change at once. */
export default function EditTrackModal({
  track,
  onClose,
  onSaved,
}: {
  track: AudioTrack | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TrackFormValues>();
  const [coverUrl, setCoverUrl] = useState<string | null>(null);
  const { busy, problem, setProblem, run } = useSubmit();

  useEffect(() => {
    if (!track) return;
    setCoverUrl(track.cover);
    setProblem(null);
  }, [track]);

  const save = async () => {
    if (!track) return;
    let values: TrackFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const changes = trackChanges(track, values);
    if (!hasChanges(changes)) {
      onClose();
      return;
    }
    await run(async () => {
      await updateAudioTrack(track.id, changes);
      message.success(track.state === 'published' ? '已保存，居民现在看到的就是新的内容' : '已保存');
      onSaved();
    });
  };

  return (
    <Modal
      open={track !== null}
      title="编辑放松音频"
      className="edit-track-modal"
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      {track && (
        <>
          <audio controls preload="none" src={track.url} style={{ width: '100%', marginBottom: 16 }} />
          <Form<TrackFormValues> form={form} name="edit-track" layout="vertical" preserve={false} initialValues={trackFormValues(track)}>
            <Form.Item
              label="标题"
              name="title"
              rules={[
                { required: true, whitespace: true, message: '请填写标题' },
                { max: TITLE_MAX, message: `标题不超过${TITLE_MAX}字` },
              ]}
            >
              <Input maxLength={TITLE_MAX} showCount />
            </Form.Item>
            <Form.Item label="分类" name="category" rules={[{ required: true, message: '请选择分类' }]}>
              <Select options={AUDIO_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item label="简介" name="description" rules={[{ max: DESCRIPTION_MAX, message: `简介不超过${DESCRIPTION_MAX}字` }]}>
              <Input.TextArea rows={3} maxLength={DESCRIPTION_MAX} showCount />
            </Form.Item>
            <Form.Item
              label="文字稿"
              name="transcript"
              extra="清空后居民将看不到文字稿。"
              rules={[{ max: TRANSCRIPT_MAX, message: `文字稿不超过${TRANSCRIPT_MAX}字` }]}
            >
              <Input.TextArea rows={5} maxLength={TRANSCRIPT_MAX} placeholder="引导语的文字（可不填）" />
            </Form.Item>
            <Form.Item label="封面" name="coverMediaId">
              <CoverField url={coverUrl} onChange={(_id, picked) => setCoverUrl(picked?.url ?? null)} />
            </Form.Item>
          </Form>
          {problem && <Alert type="error" showIcon title={problem} className="edit-track-error" />}
        </>
      )}
    </Modal>
  );
}

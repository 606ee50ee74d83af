import { Alert, App, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../../hooks/useSubmit';
import type { AudioTrack } from '../../../services/content';
import { updateAudioTrack } from './media-api';
import { hasChanges, trackChanges, trackFormValues, type TrackFormValues } from './media-edits';
import TrackFields from './TrackFields';

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
            <TrackFields mode="edit" coverUrl={coverUrl} onCoverChange={setCoverUrl} />
          </Form>
          {problem && <Alert type="error" showIcon title={problem} className="edit-track-error" />}
        </>
      )}
    </Modal>
  );
}

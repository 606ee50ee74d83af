import { Form, Input, Select } from 'antd';
import { AUDIO_CATEGORIES } from '../../../services/content';
import { CoverField } from '../shared/MediaPicker';
import { DESCRIPTION_MAX, TITLE_MAX, TRANSCRIPT_MAX } from './media-edits';
import { titleRules } from '../shared/title-rules';

/**
 * The fields of a relaxation track, for publishing an upload and for editing a track: the same limits as the API
 * (media-edits.ts). Only the hints differ: a new track gets examples, an edit says what clearing the transcript does.
 */
export default function TrackFields({
  mode,
  coverUrl,
  onCoverChange,
}: {
  mode: 'publish' | 'edit';
  coverUrl: string | null;
  onCoverChange: (url: string | null) => void;
}) {
  const publishing = mode === 'publish';
  return (
    <>
      <Form.Item
        label="标题"
        name="title"
        rules={titleRules(TITLE_MAX)}
      >
        <Input maxLength={TITLE_MAX} showCount {...(publishing ? { placeholder: '例如：4-7-8 呼吸练习' } : {})} />
      </Form.Item>
      <Form.Item label="分类" name="category" rules={[{ required: true, message: '请选择分类' }]}>
        <Select
          {...(publishing ? { showSearch: true, placeholder: '选择一个分类' } : {})}
          options={AUDIO_CATEGORIES.map((c) => ({ value: c, label: c }))}
        />
      </Form.Item>
      <Form.Item label="简介" name="description" rules={[{ max: DESCRIPTION_MAX, message: `简介不超过${DESCRIPTION_MAX}字` }]}>
        <Input.TextArea
          rows={3}
          maxLength={DESCRIPTION_MAX}
          showCount
          {...(publishing ? { placeholder: '什么时候听、能帮到什么，一两句话就好' } : {})}
        />
      </Form.Item>
      <Form.Item
        label="文字稿"
        name="transcript"
        extra={publishing ? '有人声引导的音频请填写，方便听不清或不方便外放的居民阅读。' : '清空后居民将看不到文字稿。'}
        rules={[{ max: TRANSCRIPT_MAX, message: `文字稿不超过${TRANSCRIPT_MAX}字` }]}
      >
        <Input.TextArea rows={5} maxLength={TRANSCRIPT_MAX} placeholder="引导语的文字（可不填）" />
      </Form.Item>
      <Form.Item label="封面" name="coverMediaId">
        <CoverField url={coverUrl} onChange={(_id, picked) => onCoverChange(picked?.url ?? null)} />
      </Form.Item>
    </>
  );
}

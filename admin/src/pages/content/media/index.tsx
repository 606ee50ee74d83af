import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import AudioTracksTab from './AudioTracksTab';
import MediaLibraryTab from './MediaLibraryTab';
import '../shared/content.css';

type TabKey = 'library' | 'tracks';

/** 媒体库: uploaded files (images, audio, video) and, from the audio, the 放松音频 residents can listen to. */
export default function MediaLibraryPage() {
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'tracks' ? 'tracks' : 'library';
  const setTab = (key: TabKey) => {
    const next = new URLSearchParams(params);
    if (key === 'tracks') next.set('tab', 'tracks');
    else next.delete('tab');
    setParams(next);
  };

  return (
    <PageContainer>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        destroyOnHidden
        className="media-tabs"
        items={[
          { key: 'library', label: '素材', children: <MediaLibraryTab onTrackPublished={() => setTab('tracks')} /> },
          { key: 'tracks', label: '放松音频', children: <AudioTracksTab /> },
        ]}
      />
    </PageContainer>
  );
}

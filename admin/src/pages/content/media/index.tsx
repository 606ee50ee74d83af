import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import AudioTracksTab from './AudioTracksTab';
import MediaLibraryTab from './MediaLibraryTab';
import VideosTab from './VideosTab';
import '../shared/content.css';

type TabKey = 'library' | 'tracks' | 'videos';
const LIST_TABS: readonly TabKey[] = ['tracks', 'videos'];

/** 媒体库: uploaded files (images, audio, video) and, made from them, the 放松音频 and 放松视频 residents see. */
export default function MediaLibraryPage() {
  const [params, setParams] = useSearchParams();
  const tab: TabKey = LIST_TABS.find((t) => t === params.get('tab')) ?? 'library';
  const setTab = (key: TabKey) => {
    const next = new URLSearchParams(params);
    if (key !== 'library') next.set('tab', key);
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
          {
            key: 'library',
            label: '素材',
            children: <MediaLibraryTab onTrackPublished={() => setTab('tracks')} onVideoPublished={() => setTab('videos')} />,
          },
          { key: 'tracks', label: '放松音频', children: <AudioTracksTab /> },
          { key: 'videos', label: '放松视频', children: <VideosTab /> },
        ]}
      />
    </PageContainer>
  );
}

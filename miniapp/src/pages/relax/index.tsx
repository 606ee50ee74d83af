import { useCallback, useEffect, useMemo, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import CrisisEntry from '../../components/CrisisEntry'
import { contentCache, localListening, mediaUrl, useElderMode } from '../../content/app-content'
import OfflineNote from '../../content/components/OfflineNote'
import { withElderClass } from '../../content/elder-mode'
import { formatClock } from '../../content/format'
import { MIN_RESUME_SEC } from '../../content/listening'
import { loadWithCache } from '../../content/offline-cache'
import { groupTracks, sleepTrack } from '../../content/relax'
import type { Track, Video } from '../../content/types'
import { listTracks, listVideos } from '../../services/api'
import { userMessage } from '../../services/errors'
import { openRoute } from '../../services/navigation'
import '../../content/content.css'
import './index.css'

type Tracks =
  | { kind: 'loading' }
  | { kind: 'loaded'; tracks: Track[]; offline: boolean }
  | { kind: 'error'; message: string }

interface ContinueItem {
  track: Track
  positionSec: number
}

function Cover({ url, title, className }: { url: string | null; title: string; className: string }) {
  const src = mediaUrl(url)
  return src ? (
    <Image className={className} src={src} mode='aspectFill' lazyLoad />
  ) : (
    <View className={`${className} cover-placeholder`}>
      <Text>{title.slice(0, 1)}</Text>
    </View>
  )
}

function TrackCard({ track }: { track: Track }) {
  return (
    <View className='track-card' id={`track-card-${track.id}`} hoverClass='track-card--pressed' onClick={() => openRoute('player', { id: track.id })}>
      <Cover url={track.cover} title={track.title} className='track-card__cover' />
      <View className='track-card__body'>
        <Text className='track-card__title'>{track.title}</Text>
        <Text className='track-card__meta'>
          <Text className='track-card__duration'>{formatClock(track.durationSec)}</Text>
          {track.guided ? ' · 有语音引导' : ''}
        </Text>
      </View>
      <Text className='track-card__play'>▶</Text>
    </View>
  )
}

/** The track the resident was last listening to, if they stopped part-way (from this phone's storage). */
function readContinue(): ContinueItem | null {
  const current = contentCache.currentTrack()?.value
  if (!current) return null
  const position = localListening.get(current.id)
  if (!position || position.positionSec < MIN_RESUME_SEC) return null
  if (current.durationSec > 0 && position.positionSec >= current.durationSec - 5) return null
  return { track: current, positionSec: position.positionSec }
}

export default function RelaxPage() {
  const elder = useElderMode()
  const [tracks, setTracks] = useState<Tracks>({ kind: 'loading' })
  const [videos, setVideos] = useState<Video[]>([])
  const [resume, setResume] = useState<ContinueItem | null>(null)

  const load = useCallback(async (refresh = false) => {
    if (!refresh) setTracks({ kind: 'loading' })
    try {
      const loaded = await loadWithCache(listTracks, (items) => contentCache.saveTracks(items), () => contentCache.tracks())
      setTracks({ kind: 'loaded', tracks: loaded.value, offline: loaded.offline })
    } catch (error) {
      setTracks((before) => (refresh && before.kind === 'loaded' ? before : { kind: 'error', message: userMessage(error) }))
      if (refresh) void Taro.showToast({ title: userMessage(error), icon: 'none' })
    } finally {
      if (refresh) Taro.stopPullDownRefresh()
    }
    listVideos().then(setVideos, () => {
      // Videos are an extra; without them the section just does not show.
    })
  }, [])

  useEffect(() => {
    void load()
  }, [load])
  useDidShow(() => setResume(readContinue()))
  usePullDownRefresh(() => {
    void load(true)
  })

  const sections = useMemo(() => (tracks.kind === 'loaded' ? groupTracks(tracks.tracks) : []), [tracks])
  const forSleep = tracks.kind === 'loaded' ? sleepTrack(tracks.tracks) : null

  let library
  if (tracks.kind === 'loading') {
    library = (
      <View className='relax-loading'>
        {[0, 1, 2].map((i) => (
          <View key={i} className='skeleton-card'>
            <View className='skeleton-line skeleton-line--title' />
            <View className='skeleton-line skeleton-line--short' />
          </View>
        ))}
      </View>
    )
  } else if (tracks.kind === 'error') {
    library = (
      <View className='card content-state relax-error'>
        <Text className='content-state__text'>放松音频暂时没有加载出来：{tracks.message}</Text>
        <View className='content-button relax-retry' hoverClass='content-button--pressed' onClick={() => void load()}>
          <Text>点此重试</Text>
        </View>
      </View>
    )
  } else if (sections.length === 0) {
    library = (
      <View className='card content-state relax-empty'>
        <Text className='content-state__text'>放松音频还在准备中，可以先试试上面的呼吸练习。</Text>
      </View>
    )
  } else {
    library = (
      <View className='relax-library'>
        {tracks.offline ? <OfflineNote /> : null}
        {sections.map((section) => (
          <View key={section.category} className='track-section'>
            <Text className='track-section__title'>{section.category}</Text>
            {section.tracks.map((track) => (
              <TrackCard key={track.id} track={track} />
            ))}
          </View>
        ))}
      </View>
    )
  }

  return (
    <View className={withElderClass('page relax', elder)}>
      <CrisisEntry />
      <Text className='page-title'>放松练习</Text>
      <Text className='page-lead'>紧张、心慌或者睡不着的时候，挑一段跟着听，或者跟着圆圈慢慢呼吸。练多练少都可以。</Text>

      {forSleep ? (
        <View className='sleep-shortcut' hoverClass='sleep-shortcut--pressed' onClick={() => openRoute('player', { id: forSleep.id, autoplay: '1' })}>
          <View className='sleep-shortcut__body'>
            <Text className='sleep-shortcut__title'>现在睡不着？</Text>
            <Text className='sleep-shortcut__hint'>听一段《{forSleep.title}》，什么都不用做，躺着听就好</Text>
          </View>
          <Text className='sleep-shortcut__arrow'>▶</Text>
        </View>
      ) : null}

      {resume ? (
        <View className='continue-listening' hoverClass='track-card--pressed' onClick={() => openRoute('player', { id: resume.track.id })}>
          <Text className='continue-listening__text'>
            继续听《{resume.track.title}》，上次听到 {formatClock(resume.positionSec)}
          </Text>
          <Text className='track-card__play'>›</Text>
        </View>
      ) : null}

      <View className='breathing-entry' hoverClass='breathing-entry--pressed' onClick={() => openRoute('breathing')}>
        <View className='breathing-entry__circle' />
        <View className='breathing-entry__body'>
          <Text className='breathing-entry__title'>跟着圆圈呼吸</Text>
          <Text className='breathing-entry__hint'>4-7-8 呼吸、方块呼吸，不需要声音，随时随地都能做</Text>
        </View>
        <Text className='track-card__play'>›</Text>
      </View>

      {library}

      {videos.length > 0 ? (
        <View className='video-section'>
          <Text className='track-section__title'>放松视频</Text>
          {videos.map((video) => (
            <View key={video.id} className='video-card' id={`video-card-${video.id}`} hoverClass='track-card--pressed' onClick={() => openRoute('video', { id: video.id })}>
              <Cover url={video.cover} title={video.title} className='track-card__cover' />
              <View className='track-card__body'>
                <Text className='track-card__title'>{video.title}</Text>
                <Text className='track-card__meta'>{formatClock(video.durationSec)}</Text>
              </View>
              <Text className='track-card__play'>▶</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Text className='footnote'>如果练习中感到头晕或不舒服，停下来，恢复平常的呼吸就好。</Text>
    </View>
  )
}

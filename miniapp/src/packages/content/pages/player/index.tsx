import { useCallback, useEffect, useRef, useState } from 'react'
import { Image, Slider, Text, View } from '@tarojs/components'
import { useDidHide, useRouter, useUnload } from '@tarojs/taro'
import { contentCache, mediaUrl, useElderMode } from '../../../../content/app-content'
import {
  checkSleepTimer,
  chooseSleepTimer,
  flushPosition,
  isSavedAudio,
  openTrack,
  player,
  resumePosition,
  usePlayerState,
  useSleepTimer,
  watchAppLifecycle,
} from '../../../../content/app-player'
import OfflineNote from '../../../../content/components/OfflineNote'
import { withElderClass } from '../../../../content/elder-mode'
import { formatClock, formatProgress } from '../../../../content/format'
import { SAVED_AUDIO_NOTE } from '../../../../content/offline-audio'
import { loadWithCache } from '../../../../content/offline-cache'
import { remainingText, selectedMinutes, SLEEP_TIMER_MINUTES } from '../../../../content/sleep-timer'
import type { Track, TrackDetail } from '../../../../content/types'
import { useFavorite } from '../../../../content/use-favorite'
import { getTrack } from '../../../../services/api'
import { ApiError, userMessage } from '../../../../services/errors'
import { openRoute } from '../../../../services/navigation'
import '../../../../content/content.css'
import '../../content.css'
import './index.css'

type Load =
  | { kind: 'loading' }
  | { kind: 'loaded'; track: TrackDetail; offline: boolean }
  | { kind: 'error'; message: string; notFound: boolean }

const SKIP_SEC = 15

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The offline copy of a track: the cached current track, else the cached library list. */
function cachedTrack(id: string) {
  const current = contentCache.currentTrack()
  if (current?.value.id === id) return current
  const list = contentCache.tracks()
  const found = list?.value.find((t) => t.id === id)
  return list && found ? { value: found, savedAt: list.savedAt } : null
}

const asDetail = (track: Track | TrackDetail): TrackDetail => ({ transcript: null, plays: 0, ...track })

function SleepTimerPanel() {
  const sleep = useSleepTimer()
  const [now, setNow] = useState(() => Date.now())
  const running = sleep.timer.kind === 'running'

  useEffect(() => {
    if (!running) return
    setNow(Date.now())
    const tick = setInterval(() => {
      setNow(Date.now())
      checkSleepTimer()
    }, 1000)
    return () => clearInterval(tick)
  }, [running])

  const selected = selectedMinutes(sleep.timer)
  const remaining = remainingText(sleep.timer, now)
  return (
    <View className='sleep-timer'>
      <Text className='player-section-title'>定时关闭</Text>
      <View className='sleep-timer__options'>
        {SLEEP_TIMER_MINUTES.map((minutes) => (
          <View
            key={minutes}
            className={`content-chip sleep-timer__option sleep-timer__option--${minutes}${selected === minutes ? ' content-chip--on sleep-timer__option--on' : ''}`}
            onClick={() => chooseSleepTimer(minutes)}
          >
            <Text>{minutes}分钟</Text>
          </View>
        ))}
        <View
          className={`content-chip sleep-timer__option sleep-timer__option--off${selected === null ? ' content-chip--on sleep-timer__option--on' : ''}`}
          onClick={() => chooseSleepTimer(null)}
        >
          <Text>不定时</Text>
        </View>
      </View>
      {remaining ? <Text className='sleep-timer__remaining'>{remaining}</Text> : null}
      {!running && sleep.endedAt !== null ? <Text className='sleep-timer__ended'>已经按你设定的时间停止播放了。晚安，好好休息。</Text> : null}
    </View>
  )
}

export default function PlayerPage() {
  const elder = useElderMode()
  const params = useRouter().params
  const id = safeDecode(params.id ?? '')
  const autoplay = params.autoplay === '1'
  const state = usePlayerState()
  const [load, setLoad] = useState<Load>({ kind: 'loading' })
  const [resumeAt, setResumeAt] = useState(0)
  const [dragSec, setDragSec] = useState<number | null>(null)
  const [showTranscript, setShowTranscript] = useState(false)
  const everPlayed = useRef(false)

  useEffect(() => {
    watchAppLifecycle()
  }, [])

  const fetchTrack = useCallback(async () => {
    if (!id) {
      setLoad({ kind: 'error', message: '没有找到这段音频', notFound: true })
      return
    }
    setLoad({ kind: 'loading' })
    let loaded
    try {
      loaded = await loadWithCache<Track | TrackDetail>(() => getTrack(id), () => undefined, () => cachedTrack(id))
    } catch (error) {
      const notFound = error instanceof ApiError && error.status === 404
      setLoad({ kind: 'error', message: notFound ? '这段音频现在听不到了，去看看别的吧。' : userMessage(error), notFound })
      return
    }
    const track = asDetail(loaded.value)
    setLoad({ kind: 'loaded', track, offline: loaded.offline })
    const current = player.getState()
    if (current.track?.id === track.id) {
      // Already the player's track (coming back to the page): leave it as it is.
      openTrack(track, current.currentSec)
    } else {
      const start = await resumePosition(track)
      if (!openTrack(track, start)) {
        setLoad({ kind: 'error', message: '这段音频的地址有误，暂时播放不了', notFound: false })
        return
      }
      setResumeAt(start)
    }
    if (autoplay && player.getState().status !== 'playing') player.play()
  }, [id, autoplay])

  useEffect(() => {
    void fetchTrack()
  }, [fetchTrack])

  useDidHide(() => flushPosition())
  useUnload(() => flushPosition())

  const track = load.kind === 'loaded' ? load.track : null
  const favorite = useFavorite('track', track?.id ?? null, track?.id ?? null)
  const isCurrent = track !== null && state.track?.id === track.id
  const playing = isCurrent && (state.status === 'playing' || state.status === 'loading')
  if (isCurrent && state.status === 'playing') everPlayed.current = true

  const current = isCurrent ? state.currentSec : 0
  const duration = Math.max(isCurrent ? state.durationSec : 0, track?.durationSec ?? 0)
  const shown = dragSec ?? current

  let body
  if (load.kind === 'loading') {
    body = (
      <View className='player-loading'>
        <View className='player-cover player-cover--empty' />
        <View className='skeleton-line skeleton-line--title' />
      </View>
    )
  } else if (load.kind === 'error') {
    body = (
      <View className='card content-state player-load-error'>
        <Text className='content-state__text'>{load.message}</Text>
        {load.notFound ? (
          <View className='content-button content-button--secondary' hoverClass='content-button--pressed' onClick={() => openRoute('relax')}>
            <Text>回到放松练习</Text>
          </View>
        ) : (
          <View className='content-button player-retry' hoverClass='content-button--pressed' onClick={() => void fetchTrack()}>
            <Text>点此重试</Text>
          </View>
        )}
      </View>
    )
  } else {
    const t = load.track
    const cover = mediaUrl(t.cover)
    body = (
      <View className='player'>
        {load.offline ? <OfflineNote /> : null}
        {cover ? <Image className='player-cover' src={cover} mode='aspectFill' /> : <View className='player-cover player-cover--empty' />}
        <Text className='player-title'>{t.title}</Text>
        <Text className='player-category'>{t.category}</Text>
        {t.description ? <Text className='player-description'>{t.description}</Text> : null}

        {resumeAt > 0 && !everPlayed.current ? <Text className='player-resume'>会从上次听到的 {formatClock(resumeAt)} 继续</Text> : null}

        <Slider
          className='player-seek'
          min={0}
          max={Math.max(1, Math.round(duration))}
          step={1}
          value={Math.round(shown)}
          activeColor='#2f7d6d'
          backgroundColor='#dfe8e4'
          blockSize={elder ? 28 : 20}
          blockColor='#2f7d6d'
          onChanging={(e) => setDragSec(e.detail.value)}
          onChange={(e) => {
            setDragSec(null)
            player.seek(e.detail.value)
          }}
        />
        <Text className='player-time'>{formatProgress(shown, duration)}</Text>

        <View className='player-controls'>
          <View className='player-skip player-back' hoverClass='player-skip--pressed' onClick={() => player.skip(-SKIP_SEC)}>
            <Text>后退{SKIP_SEC}秒</Text>
          </View>
          <View
            className={`player-toggle${playing ? ' player-toggle--playing' : ''}`}
            hoverClass='player-toggle--pressed'
            onClick={() => (isCurrent ? player.toggle() : openTrack(t, 0) && player.play())}
          >
            <Text>{playing ? '暂停' : '播放'}</Text>
          </View>
          <View className='player-skip player-forward' hoverClass='player-skip--pressed' onClick={() => player.skip(SKIP_SEC)}>
            <Text>前进{SKIP_SEC}秒</Text>
          </View>
        </View>
        {isCurrent && state.status === 'playing' && isSavedAudio(state.track?.src) ? <Text className='player-status player-saved-copy'>{SAVED_AUDIO_NOTE}</Text> : null}
        {isCurrent && state.status === 'loading' ? <Text className='player-status'>正在缓冲…</Text> : null}
        {isCurrent && state.status === 'ended' ? <Text className='player-status'>播放完了。想再听一遍，点「播放」就好。</Text> : null}
        {isCurrent && state.status === 'error' ? <Text className='player-status player-error'>{state.error}</Text> : null}

        <View className='player-options'>
          <View
            className={`content-chip player-loop${state.loop ? ' content-chip--on player-loop--on' : ''}`}
            onClick={() => player.setLoop(!state.loop)}
          >
            <Text>{state.loop ? '单曲循环：开' : '单曲循环：关'}</Text>
          </View>
          <View className={`content-chip favorite-toggle${favorite.on ? ' content-chip--on favorite-toggle--on' : ''}`} onClick={favorite.toggle}>
            <Text>{favorite.on ? '♥ 已收藏' : '♡ 收藏'}</Text>
          </View>
        </View>

        <SleepTimerPanel />

        {t.transcript ? (
          <View className='player-transcript'>
            <View className='player-transcript__toggle' onClick={() => setShowTranscript(!showTranscript)}>
              <Text>{showTranscript ? '收起文字稿' : '查看文字稿'}</Text>
            </View>
            {showTranscript ? <Text className='player-transcript__text'>{t.transcript}</Text> : null}
          </View>
        ) : null}
      </View>
    )
  }

  return <View className={withElderClass('page player-page', elder)}>{body}</View>
}

import { useCallback, useEffect, useState } from 'react'
import { Text, Video, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { mediaUrl, useElderMode } from '../../../../content/app-content'
import { withElderClass } from '../../../../content/elder-mode'
import type { Video as VideoItem } from '../../../../content/types'
import { listVideos } from '../../../../services/api'
import { userMessage } from '../../../../services/errors'
import { openRoute } from '../../../../services/navigation'
import '../../../../content/content.css'
import '../../content.css'
import './index.css'

type Load = { kind: 'loading' } | { kind: 'loaded'; video: VideoItem } | { kind: 'error'; message: string; notFound: boolean }

export default function VideoPage() {
  const elder = useElderMode()
  const id = useRouter().params.id ?? ''
  const [load, setLoad] = useState<Load>({ kind: 'loading' })

  // There is no GET /videos/:id; the list is short.
  const fetchVideo = useCallback(async () => {
    setLoad({ kind: 'loading' })
    try {
      const video = (await listVideos()).find((v) => v.id === id)
      setLoad(video ? { kind: 'loaded', video } : { kind: 'error', message: '这段视频现在看不到了，去看看别的吧。', notFound: true })
    } catch (error) {
      setLoad({ kind: 'error', message: userMessage(error), notFound: false })
    }
  }, [id])

  useEffect(() => {
    void fetchVideo()
  }, [fetchVideo])

  let body
  if (load.kind === 'loading') {
    body = <View className='video-player video-player--empty' />
  } else if (load.kind === 'error') {
    body = (
      <View className='card content-state video-error'>
        <Text className='content-state__text'>{load.message}</Text>
        {load.notFound ? (
          <View className='content-button content-button--secondary' hoverClass='content-button--pressed' onClick={() => openRoute('relax')}>
            <Text>回到放松练习</Text>
          </View>
        ) : (
          <View className='content-button video-retry' hoverClass='content-button--pressed' onClick={() => void fetchVideo()}>
            <Text>点此重试</Text>
          </View>
        )}
      </View>
    )
  } else {
    const { video } = load
    const src = mediaUrl(video.url) ?? ''
    const poster = mediaUrl(video.cover) ?? undefined
    body = (
      <View>
        <Video className='video-player' src={src} poster={poster} controls showCenterPlayBtn objectFit='contain' title={video.title} />
        <Text className='video-title'>{video.title}</Text>
        {video.description ? <Text className='video-description'>{video.description}</Text> : null}
      </View>
    )
  }

  return <View className={withElderClass('page video-page', elder)}>{body}</View>
}

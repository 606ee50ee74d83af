import { useRef, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { rateMyBooking } from '../../../booking/api'
import { COMMENT_MAX, ratingBody, ratingError, scoreLabel } from '../../../booking/rating'
import { asResident, errorText } from './resident'

/** 1–5 stars and an optional comment for a completed session; calls onRated once the API stored it. */
export default function RatingForm({ bookingId, onRated }: { bookingId: string; onRated(score: number, comment: string): void }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Refs, not state: a double tap's second tap arrives before the re-render; a rating can be given once.
  const busy = useRef(false)
  const done = useRef(false)

  const submit = async () => {
    if (busy.current || done.current) return
    const problem = ratingError(score, comment)
    setError(problem)
    if (problem) return
    busy.current = true
    setSending(true)
    try {
      const body = ratingBody(score, comment)
      await asResident(() => rateMyBooking(bookingId, body))
      done.current = true
      onRated(score, body.comment ?? '')
    } catch (e) {
      setError(errorText(e))
      busy.current = false
      setSending(false)
    }
  }

  return (
    <View className='booking-rating'>
      <Text className='booking-rating__title'>这次咨询感觉怎么样？</Text>
      <View className='booking-rating__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`booking-rating__star booking-rating__star--${n}${n <= score ? ' booking-rating__star--on' : ''}`}
            onClick={() => setScore(n)}
          >
            <Text>{n <= score ? '★' : '☆'}</Text>
          </View>
        ))}
        <Text className='booking-rating__label'>{scoreLabel(score)}</Text>
      </View>
      <Textarea
        className='booking-rating__comment'
        value={comment}
        maxlength={COMMENT_MAX}
        placeholder='想说的话（可不填）'
        onInput={(e) => setComment(e.detail.value)}
      />
      {error ? <Text className='booking-error booking-rating__error'>{error}</Text> : null}
      <View className={`booking-button booking-rating__submit${sending ? ' booking-button--disabled' : ''}`} hoverClass='booking-button--pressed' onClick={() => void submit()}>
        <Text>{sending ? '正在提交…' : '提交评价'}</Text>
      </View>
    </View>
  )
}

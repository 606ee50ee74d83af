import { Text } from '@tarojs/components'
import { statusLabel, statusTone } from '../../../booking/status'

/** The booking's state in words (待确认 / 已确认 / …); `.booking-status--<status>` lets tests and styles key on it. */
export default function StatusTag({ status }: { status: string }) {
  return <Text className={`booking-status booking-status--${status} booking-status--${statusTone(status)}`}>{statusLabel(status)}</Text>
}

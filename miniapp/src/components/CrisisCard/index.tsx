import { View, Text } from '@tarojs/components'
import { HOTLINES, PSY_HOTLINE_PHONE } from '../../data/hotlines'
import { openRoute } from '../../services/navigation'
import { callPhone } from '../../services/phone'
import './index.css'

interface Props {
  /** inline: the smaller card on the question page, shown as soon as a critical answer is chosen. */
  variant?: 'result' | 'inline'
}

/**
 * Crisis help after a critical answer (PHQ-9 item 9 and the like). Everything on it is bundled, so it works
 * with the network or the API down: the lines come from content/hotlines.json at build time and a tap dials.
 * Shows 12356 and the local line; 110/120 and the rest are one tap away on the hotline page.
 */
export default function CrisisCard({ variant = 'result' }: Props) {
  const psy = HOTLINES.find((line) => line.phone === PSY_HOTLINE_PHONE)
  const local = HOTLINES.find((line) => line.key === 'local')
  const lines = [psy, local].filter((line) => line !== undefined)
  return (
    <View className={`crisis-card crisis-card--${variant}`} id={variant === 'result' ? 'crisis-card' : undefined}>
      <Text className='crisis-card__title'>你现在的安全最重要</Text>
      <Text className='crisis-card__text'>
        {variant === 'result'
          ? '谢谢你如实回答。你的回答里提到了不想活或伤害自己的念头，这种时候一个人扛着会很辛苦。现在就可以打个电话，和专业的人聊一聊，点一下号码就能拨出。'
          : '你刚才的回答提到了不想活或伤害自己的念头。如果现在很难受，可以马上打电话，有专业的人愿意听你说。'}
      </Text>
      {lines.map((line) => (
        <View
          key={line.key}
          className={`crisis-card__call crisis-card__call--${line.key === 'local' ? 'local' : 'psy'}`}
          hoverClass='crisis-card__call--pressed'
          onClick={() => callPhone(line.phone)}
        >
          <View className='crisis-card__call-body'>
            <Text className='crisis-card__call-name'>{line.name}</Text>
            <Text className='crisis-card__call-note'>{line.note}</Text>
          </View>
          <Text className='crisis-card__call-phone'>{line.phone}</Text>
        </View>
      ))}
      <Text className='crisis-card__danger'>如果你或身边的人有立即的生命危险，请直接拨打 110 或 120。</Text>
      <View className='crisis-card__more' hoverClass='crisis-card__more--pressed' onClick={() => openRoute('hotline')}>
        <Text>查看全部求助电话 ›</Text>
      </View>
    </View>
  )
}

import Taro from '@tarojs/taro'
import { PLATFORM } from '../env'

/**
 * Dials a crisis line: WeChat's call sheet on weapp; on H5 Taro's makePhoneCall, falling back to a tel: link.
 * Used by the hotline page and the self-test crisis card.
 */
export function callPhone(phoneNumber: string): void {
  const dialViaTelLink = () => {
    window.location.href = `tel:${phoneNumber}`
  }
  if (PLATFORM === 'h5' && typeof Taro.makePhoneCall !== 'function') {
    dialViaTelLink()
    return
  }
  Taro.makePhoneCall({ phoneNumber }).catch(() => {
    // weapp: the person closed the call sheet, nothing to do. h5: the API is unsupported here,
    // so hand the number to the browser, which opens the dialer.
    if (PLATFORM === 'h5') dialViaTelLink()
  })
}

import Taro from '@tarojs/taro'
import { isTabRoute, routeUrl, type RouteName } from '../routes'

/** Opens a page by route name: switchTab for tab pages, navigateTo otherwise. */
export function openRoute(name: RouteName): void {
  const url = routeUrl(name)
  if (isTabRoute(name)) {
    void Taro.switchTab({ url })
  } else {
    void Taro.navigateTo({ url })
  }
}

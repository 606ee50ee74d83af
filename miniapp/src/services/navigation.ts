import Taro from '@tarojs/taro'
import { isTabRoute, routeUrl, type RouteName, type RouteQuery } from '../routes'

/** Opens a page by route name: switchTab for tab pages (which take no query), navigateTo otherwise. */
export function openRoute(name: RouteName, query?: RouteQuery): void {
  if (isTabRoute(name)) {
    void Taro.switchTab({ url: routeUrl(name) })
  } else {
    void Taro.navigateTo({ url: routeUrl(name, query) })
  }
}

/** Replaces the current page (redirectTo), so back skips it; tab pages are switched to. */
export function replaceRoute(name: RouteName, query?: RouteQuery): void {
  if (isTabRoute(name)) {
    void Taro.switchTab({ url: routeUrl(name) })
  } else {
    void Taro.redirectTo({ url: routeUrl(name, query) })
  }
}

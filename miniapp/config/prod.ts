import type { UserConfigExport } from '@tarojs/cli'

// Production builds (scripts/build.mjs sets NODE_ENV=production): Taro minifies by default.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>

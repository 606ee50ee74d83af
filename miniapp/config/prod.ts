import type { UserConfigExport } from '@tarojs/cli'

// Production builds (scripts/build.mjs sets NODE_ENV=production): Taro minifies by default.
export default {
  // The fancy progress bar redraws hundreds of times; in CI logs (no TTY) it buries the test results.
  logger: { quiet: !process.stdout.isTTY, stats: false },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>

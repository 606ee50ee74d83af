import type { UserConfigExport } from '@tarojs/cli'

// Local watch builds (`npm run dev:h5`): readable output, full webpack stats.
export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>

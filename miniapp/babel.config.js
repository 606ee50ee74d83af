// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Only the Taro build uses this file; jest uses @swc/jest (see jest.config.js).
module.exports = {
  presets: [
    ['taro', {
      framework: 'react',
      ts: true,
      compiler: 'webpack5',
    }],
  ],
}

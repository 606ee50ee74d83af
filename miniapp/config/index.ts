import { readFileSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import type Chain from 'webpack-chain'
import hotlineContent from '../../content/hotlines.json'
import devConfig from './dev'
import prodConfig from './prod'
import { resolveLocalHotline } from './local-hotline'
import { loadCriticalRules } from './critical-rules'

const miniappRoot = path.resolve(__dirname, '..')
const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'

/**
 * API base. weapp needs an absolute https URL registered as a request domain in the WeChat
 * console (TARO_APP_API_BASE); h5 is served by the API itself under /app/, so same origin.
 */
const apiBase = platform === 'h5'
  ? '/api/v1'
  : (process.env.TARO_APP_API_BASE || 'https://api.example.invalid/api/v1')

/**
 * Dev login (POST /auth/dev-login with a random openid) is how H5 signs in, because H5 has no
 * wx.login. It is switched off only when BOTH NODE_ENV=production AND XINAN_PRODUCTION=1.
 * scripts/build.mjs always sets NODE_ENV=production, so the H5 build used for local start and
 * e2e tests keeps dev login; a real public deploy must set XINAN_PRODUCTION=1 (and the API
 * answers 404 on /auth/dev-login in production anyway).
 */
const allowDevLogin = !(process.env.NODE_ENV === 'production' && process.env.XINAN_PRODUCTION === '1')

/** Local crisis line: LOCAL_HOTLINE_NAME / LOCAL_HOTLINE_PHONE, else content/hotlines.json `local`. */
const localHotline = resolveLocalHotline(
  { LOCAL_HOTLINE_NAME: process.env.LOCAL_HOTLINE_NAME, LOCAL_HOTLINE_PHONE: process.env.LOCAL_HOTLINE_PHONE },
  hotlineContent.local,
)

/**
 * Module layout this config has to live with (npm workspaces): the root node_modules hoists
 * React 19 (admin) and most @tarojs/* packages, while React 18, @tarojs/taro, @tarojs/react and
 * @tarojs/plugin-framework-react sit in miniapp/node_modules. Hoisted Taro packages cannot see
 * the nested ones by normal lookup (e.g. taro-h5 → @tarojs/plugin-framework-react/dist/runtime),
 * and would pick the root React 19. So: search miniapp/node_modules first for every request, and
 * pin React's entry points to our copy explicitly.
 */
function resolveChain(chain: Chain, extraAliases: Record<string, string> = {}): void {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
  chain.resolve.modules.clear().add(path.join(miniappRoot, 'node_modules')).add('node_modules')
  const resolveOurs = (request: string) => require.resolve(request, { paths: [miniappRoot] })
  const aliases: Record<string, string> = {
    'react$': resolveOurs('react'),
    'react/jsx-runtime$': resolveOurs('react/jsx-runtime'),
    'react/jsx-dev-runtime$': resolveOurs('react/jsx-dev-runtime'),
    ...extraAliases,
  }
  for (const [from, to] of Object.entries(aliases)) chain.resolve.alias.set(from, to)
}

/**
 * H5 only: npm placed @tarojs/router under node_modules/@tarojs/taro-h5/node_modules (it is a
 * dependency of taro-h5, not of this workspace), where Taro's own lookup from the app does not
 * find it. Resolve it from our tree first, then from taro-h5, and use its H5 entry.
 */
function resolveTaroRouter(): string {
  const searchFrom = [miniappRoot, path.dirname(require.resolve('@tarojs/taro-h5/package.json', { paths: [miniappRoot] }))]
  const pkgJson = require.resolve('@tarojs/router/package.json', { paths: searchFrom })
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as Record<string, unknown>
  const entry = ['main:h5', 'browser', 'module', 'main'].map((field) => pkg[field]).find((value) => typeof value === 'string')
  return path.join(path.dirname(pkgJson), typeof entry === 'string' ? entry : 'index.js')
}

/**
 * Crisis rules (critical items) of every scale, from content/scales/*.json: code → [{n, op, value, reverseSum?}],
 * well under 1 KB. Bundled so a crisis answer shows help with the network or the API down; a malformed rule
 * fails the build.
 */
const scalesDir = path.resolve(miniappRoot, '..', 'content', 'scales')
const criticalRules = loadCriticalRules(scalesDir)

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xinan-miniapp',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: platform === 'h5' ? 'dist/h5' : 'dist/weapp',
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      ALLOW_DEV_LOGIN: JSON.stringify(allowDevLogin),
      LOCAL_HOTLINE: JSON.stringify(localHotline),
      CRITICAL_RULES: JSON.stringify(criticalRules),
      // Subscribe-message template of the two-week retest reminder (same id as the API's RETEST_TEMPLATE_ID); empty = no offer.
      RETEST_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_RETEST_TEMPLATE_ID ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: true,
      buildDependencies: {
        config: [
          path.join(__dirname, 'index.ts'),
          path.join(__dirname, 'dev.ts'),
          path.join(__dirname, 'prod.ts'),
          path.join(__dirname, 'local-hotline.ts'),
          path.join(__dirname, 'critical-rules.ts'),
          // TsconfigPathsPlugin reads the path mappings from here; stale cached resolutions break the build.
          path.join(miniappRoot, 'tsconfig.json'),
          path.join(miniappRoot, 'babel.config.js'),
          // The page list: adding a page must invalidate the cache, or H5 keeps routing with the old list.
          path.join(miniappRoot, 'src', 'app.config.ts'),
          path.join(miniappRoot, 'src', 'routes.ts'),
        ],
      },
    },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        resolveChain(chain)
      },
    },
    h5: {
      publicPath: '/app/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        // On weapp Taro maps react-dom to @tarojs/react itself; on H5 the real react-dom renders.
        resolveChain(chain, {
          'react-dom$': require.resolve('react-dom', { paths: [miniappRoot] }),
          'react-dom/client$': require.resolve('react-dom/client', { paths: [miniappRoot] }),
          '@tarojs/router$': resolveTaroRouter(),
        })
        // Pages load as async chunks; Taro splits only initial chunks, so each page chunk carried its own ~80 KB
        // copy of the component library (4.3 MB of JavaScript in all). Splitting async chunks too shares it.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})

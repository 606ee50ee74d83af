#!/usr/bin/env node
/**
 * Production build with a size report.
 *
 *   node scripts/build.mjs weapp   → dist/weapp, prints the main-package size, writes
 *                                    dist/weapp-size.json, exits 1 if the main package > 2 MB
 *   node scripts/build.mjs h5      → dist/h5, prints total bytes and gzip size of the js
 *
 * Always NODE_ENV=production. That alone keeps H5 dev login on (local start, e2e tests);
 * a public H5 deploy must also set XINAN_PRODUCTION=1 (see config/index.ts).
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const miniappRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repoRoot = path.resolve(miniappRoot, '..')

/** WeChat's hard limit for the main package. */
const MAIN_PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024
/**
 * Subpackage roots, read from the built app.json (`subPackages[].root`, from src/routes.ts): excluded from the
 * main-package sum and reported on their own (WeChat: 2 MB per subpackage as well). Reading the build output
 * means a new subpackage can never be counted as main package by a forgotten list here.
 */
function subpackageRoots(outDir) {
  const appJson = JSON.parse(readFileSync(path.join(outDir, 'app.json'), 'utf8'))
  return (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
}
/** WeChat's limit for any one subpackage. */
const SUBPACKAGE_LIMIT_BYTES = 2 * 1024 * 1024

const target = process.argv[2]
if (target !== 'weapp' && target !== 'h5') {
  console.error('usage: node scripts/build.mjs <weapp|h5>')
  process.exit(2)
}

function findTaroBin() {
  const candidates = [
    path.join(miniappRoot, 'node_modules', '.bin', 'taro'),
    path.join(repoRoot, 'node_modules', '.bin', 'taro'),
  ]
  const found = candidates.find((candidate) => existsSync(candidate))
  if (!found) {
    console.error(`taro CLI not found; looked in:\n  ${candidates.join('\n  ')}\nRun npm install at the repo root.`)
    process.exit(1)
  }
  return found
}

function runTaro(type) {
  return new Promise((resolve, reject) => {
    const child = spawn(findTaroBin(), ['build', '--type', type], {
      cwd: miniappRoot,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`taro build --type ${type} failed (${signal ?? `exit ${code}`})`))
    })
  })
}

/** Every file under dir as {path (posix, relative to dir), bytes}. */
function walk(dir, base = dir) {
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...walk(full, base))
    else if (entry.isFile()) files.push({ path: path.relative(base, full).split(path.sep).join('/'), bytes: statSync(full).size })
  }
  return files
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

function reportWeapp() {
  const outDir = path.join(miniappRoot, 'dist', 'weapp')
  const underRoot = (root) => (file) => file.path === root || file.path.startsWith(`${root}/`)
  const SUBPACKAGE_ROOTS = subpackageRoots(outDir)
  const inSubpackage = (file) => SUBPACKAGE_ROOTS.some((root) => underRoot(root)(file))
  const allFiles = walk(outDir)
  const mainFiles = allFiles.filter((file) => !inSubpackage(file)).sort((a, b) => b.bytes - a.bytes)
  const mainPackageBytes = mainFiles.reduce((sum, file) => sum + file.bytes, 0)
  const subpackages = SUBPACKAGE_ROOTS.map((root) => {
    const files = allFiles.filter(underRoot(root))
    return { root, bytes: files.reduce((sum, file) => sum + file.bytes, 0), files: files.length }
  })
  const report = { mainPackageBytes, limitBytes: MAIN_PACKAGE_LIMIT_BYTES, files: mainFiles.slice(0, 10), subpackages }
  writeFileSync(path.join(miniappRoot, 'dist', 'weapp-size.json'), `${JSON.stringify(report, null, 2)}\n`)

  console.log(`\nweapp main package: ${mainPackageBytes} bytes (${kb(mainPackageBytes)}), limit ${MAIN_PACKAGE_LIMIT_BYTES} bytes (${kb(MAIN_PACKAGE_LIMIT_BYTES)}), ${mainFiles.length} files`)
  for (const file of report.files) console.log(`  ${String(file.bytes).padStart(9)}  ${file.path}`)
  for (const sub of subpackages) {
    console.log(`weapp subpackage ${sub.root}: ${sub.bytes} bytes (${kb(sub.bytes)}), ${sub.files} files`)
    if (sub.files === 0) {
      console.error(`\nsubpackage ${sub.root} is empty: is it still in app.config subPackages?`)
      process.exitCode = 1
    }
    if (sub.bytes > SUBPACKAGE_LIMIT_BYTES) {
      console.error(`\nweapp subpackage ${sub.root} is over WeChat's 2 MB limit by ${sub.bytes - SUBPACKAGE_LIMIT_BYTES} bytes.`)
      process.exitCode = 1
    }
  }
  console.log('  (written to dist/weapp-size.json)')
  if (mainPackageBytes > MAIN_PACKAGE_LIMIT_BYTES) {
    console.error(`\nweapp main package is over WeChat's 2 MB limit by ${mainPackageBytes - MAIN_PACKAGE_LIMIT_BYTES} bytes; move pages into subpackages.`)
    process.exitCode = 1
  }
}

function reportH5() {
  const outDir = path.join(miniappRoot, 'dist', 'h5')
  const files = walk(outDir)
  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0)
  const jsFiles = files.filter((file) => file.path.endsWith('.js'))
  const jsBytes = jsFiles.reduce((sum, file) => sum + file.bytes, 0)
  const jsGzipBytes = jsFiles.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(outDir, file.path)), { level: 9 }).length, 0)
  console.log(`\nh5 total: ${totalBytes} bytes (${kb(totalBytes)}), ${files.length} files`)
  console.log(`h5 js: ${jsBytes} bytes (${kb(jsBytes)}), gzip -9 ${jsGzipBytes} bytes (${kb(jsGzipBytes)}), ${jsFiles.length} files`)
}

const started = Date.now()
try {
  await runTaro(target)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
if (target === 'weapp') reportWeapp()
else reportH5()
console.log(`build ${target} took ${((Date.now() - started) / 1000).toFixed(1)} s`)

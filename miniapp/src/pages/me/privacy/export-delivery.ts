/**
 * Getting the export file out of the app, per platform. Kept plain on purpose:
 *   H5:    the browser downloads the file (a Blob link).
 *   weapp: a mini-program cannot save into the phone's Downloads; the honest way out is to send the file to a chat
 *          (e.g. 文件传输助手) with wx.shareFileMessage. The file is written to the app's own user folder only for
 *          that and deleted when the page closes.
 *   both:  copy the whole text to the clipboard.
 */
import Taro from '@tarojs/taro'

/** H5: asks the browser to save the file. False where there is no DOM (weapp). */
export function downloadInBrowser(fileName: string, text: string): boolean {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof Blob === 'undefined') return false
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  document.body.removeChild(link)
  // Late enough for the browser to have started the download.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
  return true
}

const written = new Set<string>()

/** weapp: writes the file and opens WeChat's "send to a chat" sheet. Must run inside a tap handler. */
export async function sendFileToChat(fileName: string, text: string): Promise<'sent' | 'cancelled' | 'unsupported'> {
  const dir = Taro.env?.USER_DATA_PATH
  if (!dir || typeof Taro.shareFileMessage !== 'function' || typeof Taro.getFileSystemManager !== 'function') return 'unsupported'
  const filePath = `${dir}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
  written.add(filePath)
  try {
    await Taro.shareFileMessage({ filePath, fileName })
    return 'sent'
  } catch {
    return 'cancelled'
  }
}

/** Deletes the files written for sharing (the page calls this when it closes). */
export function removeWrittenFiles(): void {
  if (!written.size || typeof Taro.getFileSystemManager !== 'function') return
  const fs = Taro.getFileSystemManager()
  for (const path of written) {
    try {
      fs.unlinkSync(path)
    } catch {
      // Already gone.
    }
  }
  written.clear()
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await Taro.setClipboardData({ data: text })
    return true
  } catch {
    return false
  }
}

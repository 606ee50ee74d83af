import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useUnload } from '@tarojs/taro'
import CrisisEntry from '../../../components/CrisisEntry'
import { PLATFORM } from '../../../env'
import { deleteMyAccount, exportMyData } from '../../../services/api'
import { session, useSession } from '../../../services/app-session'
import { userMessage } from '../../../services/errors'
import { replaceRoute } from '../../../services/navigation'
import { STORAGE_KEYS, taroStore } from '../../../services/storage'
import {
  confirmationMatches,
  DELETE_CONFIRM_WORD,
  DELETION_EXPLAINED,
  deletionDoneMessage,
  exportCounts,
  exportFileName,
  exportText,
  forgetAccountLocally,
  type MyDataExport,
} from './account-data'
import { copyText, downloadInBrowser, removeWrittenFiles, sendFileToChat } from './export-delivery'
import './index.css'

type ExportState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; doc: MyDataExport; fileName: string; text: string; note: string | null }
  | { kind: 'error'; message: string }

type DeleteState =
  | { kind: 'idle' }
  | { kind: 'confirm'; typed: string }
  | { kind: 'working' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; message: string }

/** What this phone keeps for the account (see forgetAccountLocally). */
const ACCOUNT_KEYS = [STORAGE_KEYS.token, STORAGE_KEYS.contentListening, STORAGE_KEYS.contentCurrentTrack]

export default function MyDataPage() {
  const { status } = useSession()
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' })
  const [deletion, setDeletion] = useState<DeleteState>({ kind: 'idle' })
  useUnload(removeWrittenFiles)

  const startExport = async () => {
    setExported({ kind: 'loading' })
    try {
      const doc = await exportMyData()
      const fileName = exportFileName(doc)
      const text = exportText(doc)
      const downloaded = PLATFORM === 'h5' && downloadInBrowser(fileName, text)
      setExported({ kind: 'ready', doc, fileName, text, note: downloaded ? `已开始下载 ${fileName}` : null })
    } catch (error) {
      setExported({ kind: 'error', message: userMessage(error) })
    }
  }

  const note = (text: string) => setExported((s) => (s.kind === 'ready' ? { ...s, note: text } : s))

  const sendToChat = async (fileName: string, text: string) => {
    const outcome = await sendFileToChat(fileName, text)
    if (outcome === 'sent') note('文件已发送，可以在聊天里打开或保存')
    else if (outcome === 'unsupported') note('当前微信版本不支持发送文件，可以用“复制全部内容”')
  }

  const copy = async (text: string) => {
    note((await copyText(text)) ? '已复制全部内容，可以粘贴到备忘录或发给自己' : '复制没有成功，请再试一次')
  }

  const confirmDeletion = async () => {
    setDeletion({ kind: 'working' })
    try {
      const result = await deleteMyAccount()
      forgetAccountLocally(taroStore, ACCOUNT_KEYS)
      setDeletion({ kind: 'done', message: deletionDoneMessage(result) })
      // A fresh sign-in: the same WeChat user gets a new, empty account.
      void session.start()
    } catch (error) {
      setDeletion({ kind: 'error', message: userMessage(error) })
    }
  }

  if (deletion.kind === 'done') {
    return (
      <View className='page my-data'>
        <View className='card my-data-done'>
          <Text className='my-data__title'>账号已注销</Text>
          <Text className='card-text my-data-done__message'>{deletion.message}</Text>
          <View className='my-data-button my-data-done__home' hoverClass='my-data-button--pressed' onClick={() => replaceRoute('home')}>
            <Text>回到首页</Text>
          </View>
        </View>
        <CrisisEntry />
      </View>
    )
  }

  const signedIn = status === 'ready'

  let exportBody
  if (exported.kind === 'ready') {
    const counts = exportCounts(exported.doc)
    exportBody = (
      <View className='my-data-export__result'>
        <Text className='card-text my-data-export__summary'>
          {counts.length ? counts.map((c) => `${c.label} ${c.count} 条`).join('，') : '目前只有你的账号信息，还没有其他记录。'}
        </Text>
        {PLATFORM === 'h5' ? (
          <View className='my-data-button my-data-button--secondary my-data-export__download' hoverClass='my-data-button--pressed' onClick={() => downloadInBrowser(exported.fileName, exported.text)}>
            <Text>再次下载</Text>
          </View>
        ) : (
          <View className='my-data-button my-data-export__send' hoverClass='my-data-button--pressed' onClick={() => void sendToChat(exported.fileName, exported.text)}>
            <Text>发送到微信聊天保存</Text>
          </View>
        )}
        <View className='my-data-button my-data-button--secondary my-data-export__copy' hoverClass='my-data-button--pressed' onClick={() => void copy(exported.text)}>
          <Text>复制全部内容</Text>
        </View>
        {PLATFORM === 'h5' ? null : <Text className='my-data__hint'>可以发给“文件传输助手”，在电脑或手机上打开。</Text>}
        {exported.note ? <Text className='my-data__note my-data-export__note'>{exported.note}</Text> : null}
      </View>
    )
  } else {
    exportBody = (
      <>
        {exported.kind === 'error' ? <Text className='my-data__note my-data__note--error'>{exported.message}</Text> : null}
        <View
          className={`my-data-button my-data-export__start${signedIn && exported.kind !== 'loading' ? '' : ' my-data-button--disabled'}`}
          hoverClass='my-data-button--pressed'
          onClick={() => signedIn && exported.kind !== 'loading' && void startExport()}
        >
          <Text>{exported.kind === 'loading' ? '正在导出…' : '导出我的数据'}</Text>
        </View>
      </>
    )
  }

  let deleteBody
  if (deletion.kind === 'confirm') {
    const ready = confirmationMatches(deletion.typed)
    deleteBody = (
      <View className='my-data-delete__confirm'>
        <Text className='card-text'>{`如果确定要注销，请在下面输入“${DELETE_CONFIRM_WORD}”两个字。`}</Text>
        <Input
          className='my-data-delete__input'
          type='text'
          placeholder={`输入“${DELETE_CONFIRM_WORD}”`}
          value={deletion.typed}
          maxlength={10}
          onInput={(e) => setDeletion({ kind: 'confirm', typed: e.detail.value })}
        />
        <View
          className={`my-data-button my-data-button--danger my-data-delete__confirm-button${ready ? '' : ' my-data-button--disabled'}`}
          hoverClass='my-data-button--pressed'
          onClick={() => ready && void confirmDeletion()}
        >
          <Text>确认注销</Text>
        </View>
        <View className='my-data-button my-data-button--secondary my-data-delete__cancel' hoverClass='my-data-button--pressed' onClick={() => setDeletion({ kind: 'idle' })}>
          <Text>再想想</Text>
        </View>
      </View>
    )
  } else if (deletion.kind === 'working') {
    deleteBody = <Text className='card-text my-data-delete__working'>正在注销，请稍候…</Text>
  } else {
    deleteBody = (
      <>
        {deletion.kind === 'error' ? <Text className='my-data__note my-data__note--error my-data-delete__error'>{deletion.message}</Text> : null}
        <View
          className={`my-data-button my-data-button--secondary my-data-delete__start${signedIn ? '' : ' my-data-button--disabled'}`}
          hoverClass='my-data-button--pressed'
          onClick={() => signedIn && setDeletion({ kind: 'confirm', typed: '' })}
        >
          <Text>{deletion.kind === 'error' ? '再试一次' : '我想注销账号'}</Text>
        </View>
      </>
    )
  }

  return (
    <View className='page my-data'>
      <CrisisEntry />
      {signedIn ? null : (
        <View className='card'>
          <Text className='card-text'>{status === 'failed' ? '暂时无法登录，请回到“我的”重试。' : '正在登录…'}</Text>
        </View>
      )}

      <View className='card my-data-export'>
        <Text className='my-data__title'>导出我的数据</Text>
        <Text className='card-text'>
          把心安驿站保存的与你有关的全部数据导出成一个文件：自测记录和答案、预约、活动报名、收藏、消息、你给出的同意等。
          文件里的电话和答案是可以直接看到的，请妥善保管，不要发给不信任的人。
        </Text>
        {exportBody}
      </View>

      <View className='card my-data-delete'>
        <Text className='my-data__title'>注销账号</Text>
        <Text className='card-text'>注销后，这些会被删除：</Text>
        <View className='my-data-list'>
          {DELETION_EXPLAINED.deleted.map((line) => (
            <Text key={line} className='my-data-list__item'>{`· ${line}`}</Text>
          ))}
        </View>
        <Text className='card-text my-data-delete__para'>{DELETION_EXPLAINED.cancelled}</Text>
        <Text className='card-text my-data-delete__para'>{DELETION_EXPLAINED.kept}</Text>
        <Text className='card-text my-data-delete__para'>{DELETION_EXPLAINED.after}</Text>
        <Text className='my-data__hint'>注销前，可以先在上面导出一份数据留给自己。</Text>
        {deleteBody}
      </View>
    </View>
  )
}

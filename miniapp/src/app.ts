import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { startOutbox } from './selftest/app-selftest'
import { session } from './services/app-session'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Not awaited: pages render at once, and a failed sign-in never blocks the app.
    void session.start()
    // Self-tests finished offline in an earlier session are sent now, and again when the network returns.
    startOutbox()
  })

  // children are the pages Taro renders
  return children
}

export default App

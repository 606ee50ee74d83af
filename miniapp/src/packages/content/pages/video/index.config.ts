export default definePageConfig({
  navigationBarTitleText: '放松视频',
})

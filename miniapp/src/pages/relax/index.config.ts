export default definePageConfig({
  navigationBarTitleText: '放松练习',
  enablePullDownRefresh: true,
})

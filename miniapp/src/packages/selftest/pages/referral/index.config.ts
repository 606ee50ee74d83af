export default definePageConfig({
  navigationBarTitleText: '请站点联系我',
})

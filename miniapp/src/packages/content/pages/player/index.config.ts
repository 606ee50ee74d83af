export default definePageConfig({
  navigationBarTitleText: '放松练习',
})

export default definePageConfig({
  navigationBarTitleText: '心理科普',
  enableShareAppMessage: true,
})

export default definePageConfig({
  navigationBarTitleText: '心理自测',
})

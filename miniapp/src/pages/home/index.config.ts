export default definePageConfig({
  navigationBarTitleText: '心安驿站',
})

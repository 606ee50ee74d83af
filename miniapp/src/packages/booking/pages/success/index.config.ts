export default definePageConfig({
  navigationBarTitleText: '预约已提交',
})

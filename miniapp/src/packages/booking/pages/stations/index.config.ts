export default definePageConfig({
  navigationBarTitleText: '预约心理咨询',
})

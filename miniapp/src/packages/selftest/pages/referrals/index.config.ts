export default definePageConfig({
  navigationBarTitleText: '我的求助申请',
})

export default definePageConfig({
  navigationBarTitleText: '跟着圆圈呼吸',
})

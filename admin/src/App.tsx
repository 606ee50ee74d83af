import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router/dom';
import { router } from './router';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f7a6d',
    borderRadius: 6,
  },
  components: {
    Menu: { itemSelectedBg: '#e3f1ee', itemSelectedColor: '#1f7a6d' },
  },
};

export default function App() {
  return (
    // autoInsertSpace off: antd would otherwise render two-character labels as "登 录", which neither
    // reads naturally nor matches the text tests look for.
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <RouterProvider router={router} />
      </AntdApp>
    </ConfigProvider>
  );
}

import { Result } from 'antd';
import { useRouteMeta } from '../hooks/useRouteMeta';
import PageContainer from './PageContainer';

/**
 * Placeholder for a menu entry whose module ships in a later release. The route and its access check
 * are real; the page says plainly that there is nothing to use here yet.
 */
export default function ComingSoon({ purpose }: { purpose: string }) {
  const meta = useRouteMeta();
  return (
    <PageContainer>
      <Result
        className="coming-soon"
        status="info"
        title={`“${meta?.title ?? '此'}”模块正在建设中`}
        subTitle={`该模块将在后续版本中提供，目前还不能使用。建成后可以：${purpose}`}
      />
    </PageContainer>
  );
}

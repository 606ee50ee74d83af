import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import NotFound from '../pages/exception/not-found';

/**
 * Error boundary for the router. The usual cause in production is a page chunk that no longer exists
 * after a redeploy, which a reload fixes.
 */
export default function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle="请刷新页面重试。如果问题持续出现，请联系区级管理员。"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}

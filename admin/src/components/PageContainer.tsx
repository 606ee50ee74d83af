import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useRouteMeta } from '../hooks/useRouteMeta';

/** Page frame: the title comes from the route table, so one page can serve two menu entries. */
export default function PageContainer({ extra, children }: { extra?: ReactNode; children: ReactNode }) {
  const meta = useRouteMeta();
  return (
    <section className="page-container">
      <div className="page-container-header">
        <Typography.Title level={3} className="page-title">
          {meta?.title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}

import { Alert, Button, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { listArticles, type ArticleListItem } from '../../../services/content';
import { staffLabel } from '../../content/shared/article-state';
import { formatDateTime } from '../../content/shared/format';

const PAGE_SIZE = 20;

const columns: TableColumnsType<ArticleListItem> = [
  {
    title: '标题',
    dataIndex: 'title',
    key: 'title',
    render: (title: string, row) => (
      <Link to={`/review/${row.id}`} className="review-queue-title">
        {title}
      </Link>
    ),
  },
  { title: '分类', dataIndex: 'category', key: 'category', width: 130 },
  {
    title: '安全表述检查',
    key: 'flags',
    width: 130,
    render: (_, row) =>
      row.flags.length ? (
        <Tooltip title={row.flags.map((f) => f.message).join('\n')}>
          <Tag color="orange" className="review-flag-count">
            {row.flags.length} 条提示
          </Tag>
        </Tooltip>
      ) : (
        <Tag color="green">未发现问题</Tag>
      ),
  },
  { title: '提交时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
  { title: '提交人', dataIndex: 'updatedBy', key: 'updatedBy', width: 110, render: (v: string | null) => staffLabel(v) },
  {
    title: '',
    key: 'open',
    width: 90,
    render: (_, row) => <Link to={`/review/${row.id}`}>去审核</Link>,
  },
];

/** 审核队列: the articles editors have submitted, waiting for a reviewer. */
export default function ReviewQueuePage() {
  const [page, setPage] = useState(1);
  const load = useCallback(
    (signal: AbortSignal) => listArticles({ state: 'in_review', page, pageSize: PAGE_SIZE }, signal),
    [page],
  );
  const queue = useApi(load);

  return (
    <PageContainer
      extra={
        <Button onClick={queue.reload} loading={queue.status === 'loading'}>
          刷新
        </Button>
      }
    >
      {queue.status === 'error' && <Alert type="error" showIcon title={queue.error.message} className="page-alert" />}
      <Table<ArticleListItem>
        className="review-queue"
        rowKey="id"
        columns={columns}
        dataSource={queue.status === 'success' ? queue.data.items : []}
        loading={queue.status === 'loading'}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: queue.status === 'success' ? queue.data.total : 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `共 ${total} 篇待审核`,
          onChange: setPage,
        }}
        locale={{ emptyText: queue.status === 'error' ? '待审核列表加载失败' : '目前没有等待审核的文章' }}
      />
    </PageContainer>
  );
}

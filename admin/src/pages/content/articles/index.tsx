import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import {
  ARTICLE_CATEGORIES,
  ARTICLE_STATES,
  listArticles,
  type ArticleCategory,
  type ArticleListItem,
  type ArticleState,
} from '../../../services/content';
import { ARTICLE_STATE_LABELS, articleStateBadge, staffLabel } from '../shared/article-state';
import { formatDateTime } from '../shared/format';

const PAGE_SIZE = 20;

function isState(value: string | null): value is ArticleState {
  return value !== null && (ARTICLE_STATES as readonly string[]).includes(value);
}
function isCategory(value: string | null): value is ArticleCategory {
  return value !== null && (ARTICLE_CATEGORIES as readonly string[]).includes(value);
}

/** 文章管理: every article, filtered by state, category and words; filters live in the URL so "back" keeps them. */
export default function ArticlesPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const categoryParam = params.get('category');
  const state = isState(stateParam) ? stateParam : undefined;
  const category = isCategory(categoryParam) ? categoryParam : undefined;
  const q = (params.get('q') ?? '').slice(0, 50);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const load = useCallback(
    (signal: AbortSignal) => listArticles({ state, category, q, page, pageSize: PAGE_SIZE }, signal),
    [state, category, q, page],
  );
  const articles = useApi(load);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };

  // "定时发布" until publishAt has passed; the list is re-read often enough that render time is close enough.
  const now = new Date();

  const columns: TableColumnsType<ArticleListItem> = [
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (title: string, row) => (
        <Link to={`/articles/${row.id}`} className="article-list-title">
          {title}
        </Link>
      ),
    },
    { title: '分类', dataIndex: 'category', key: 'category', width: 130 },
    {
      title: '状态',
      key: 'state',
      width: 110,
      render: (_, row) => {
        const badge = articleStateBadge(row, now);
        const tag = (
          <Tag color={badge.color} className={`article-state article-state-${badge.key}`}>
            {badge.label}
          </Tag>
        );
        return badge.key === 'scheduled' ? <Tooltip title={`将于 ${formatDateTime(row.publishAt)} 发布`}>{tag}</Tooltip> : tag;
      },
    },
    {
      title: '安全提示',
      key: 'flags',
      width: 100,
      render: (_, row) =>
        row.flags.length ? (
          <Tooltip title={row.flags.map((f) => f.message).join('\n')}>
            <Tag color="orange">{row.flags.length} 条</Tag>
          </Tooltip>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      title: '发布时间',
      key: 'published',
      width: 160,
      render: (_, row) => formatDateTime(row.state === 'published' ? (row.publishAt ?? row.publishedAt) : row.publishedAt),
    },
    { title: '最后修改', dataIndex: 'updatedAt', key: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: '修改人', dataIndex: 'updatedBy', key: 'updatedBy', width: 110, render: (v: string | null) => staffLabel(v) },
  ];

  return (
    <PageContainer
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/articles/new')} className="article-new">
          新建文章
        </Button>
      }
    >
      <Space wrap className="article-filters" style={{ marginBottom: 16 }}>
        <Select<ArticleState>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={state}
          onChange={(value) => setFilter('state', value)}
          options={ARTICLE_STATES.map((s) => ({ value: s, label: ARTICLE_STATE_LABELS[s] }))}
          className="article-filter-state"
          aria-label="按状态筛选"
        />
        <Select<ArticleCategory>
          allowClear
          placeholder="全部分类"
          style={{ width: 160 }}
          value={category}
          onChange={(value) => setFilter('category', value)}
          options={ARTICLE_CATEGORIES.map((c) => ({ value: c, label: c }))}
          listHeight={384}
          className="article-filter-category"
          aria-label="按分类筛选"
        />
        <Input.Search
          allowClear
          placeholder="搜索标题、摘要或标签"
          defaultValue={q}
          key={q}
          maxLength={50}
          style={{ width: 260 }}
          onSearch={(value) => setFilter('q', value.trim() || undefined)}
          className="article-search"
        />
      </Space>
      {articles.status === 'error' && (
        <Alert
          type="error"
          showIcon
          title={articles.error.message}
          className="page-alert"
          action={
            <Button size="small" onClick={articles.reload}>
              重试
            </Button>
          }
        />
      )}
      <Table<ArticleListItem>
        className="article-list"
        rowKey="id"
        columns={columns}
        dataSource={articles.status === 'success' ? articles.data.items : []}
        loading={articles.status === 'loading'}
        onRow={(row) => ({ 'data-article-id': row.id }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: articles.status === 'success' ? articles.data.total : 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 篇`,
          onChange: (next) => {
            const nextParams = new URLSearchParams(params);
            if (next > 1) nextParams.set('page', String(next));
            else nextParams.delete('page');
            setParams(nextParams);
          },
        }}
        locale={{
          emptyText:
            articles.status === 'error'
              ? '文章列表加载失败'
              : state || category || q
                ? '没有符合条件的文章，换个筛选条件试试'
                : '还没有文章，点右上角“新建文章”写第一篇吧',
        }}
      />
    </PageContainer>
  );
}

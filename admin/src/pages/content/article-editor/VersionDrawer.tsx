import { Alert, App, Button, Drawer, List, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../../hooks/useApi';
import {
  getArticleVersion,
  listArticleVersions,
  previewArticle,
  restoreArticleVersion,
  type Article,
  type ArticleVersionSnapshot,
} from '../../../services/content';
import { ApiError } from '../../../services/errors';
import ArticlePhonePreview from '../shared/ArticlePhonePreview';
import { ARTICLE_STATE_LABELS, canRestoreVersion, staffLabel, versionActionLabel } from '../shared/article-state';
import { formatDateTime } from '../shared/format';

/**
 * 版本历史: every saved version (each save and each workflow step makes one), a read-only look at any of them,
 * and restoring one as a new draft version.
 */
export default function VersionDrawer({
  open,
  article,
  hasUnsavedChanges,
  onClose,
  onRestored,
}: {
  open: boolean;
  article: Article;
  hasUnsavedChanges: boolean;
  onClose: () => void;
  onRestored: (article: Article) => void;
}) {
  return (
    <Drawer open={open} onClose={onClose} title="版本历史" size={520} destroyOnHidden className="article-versions">
      {open && (
        <VersionList article={article} hasUnsavedChanges={hasUnsavedChanges} onRestored={onRestored} />
      )}
    </Drawer>
  );
}

function VersionList({
  article,
  hasUnsavedChanges,
  onRestored,
}: {
  article: Article;
  hasUnsavedChanges: boolean;
  onRestored: (article: Article) => void;
}) {
  const { message, modal } = App.useApp();
  // Re-read whenever the article moves to a new version while the drawer is open.
  const load = useCallback((signal: AbortSignal) => listArticleVersions(article.id, signal), [article.id, article.version]);
  const versions = useApi(load);
  const [viewing, setViewing] = useState<number | null>(null);
  const restorable = canRestoreVersion(article.state);

  const restore = (version: number) => {
    modal.confirm({
      title: `恢复到第 ${version} 版？`,
      className: 'article-restore-confirm',
      content: (
        <>
          <p>会用这一版的内容生成一个新的草稿版本，现在的版本仍保留在历史里，随时可以再恢复。</p>
          {article.state === 'archived' && <p>文章会回到“草稿”状态，需要重新提交审核后才会再发布。</p>}
          {hasUnsavedChanges && <p>编辑区里还没保存的修改会被替换掉。</p>}
        </>
      ),
      okText: '恢复',
      cancelText: '取消',
      onOk: async () => {
        try {
          const restored = await restoreArticleVersion(article.id, version, article.version);
          message.success(`已恢复到第 ${version} 版的内容，现在是草稿`);
          setViewing(null);
          onRestored(restored);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          message.error(err.message);
        }
      },
    });
  };

  return (
    <>
      {!restorable && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          title="审核中或已发布的文章不能恢复旧版本。如需恢复，请先归档这篇文章。"
        />
      )}
      {versions.status === 'error' && <Alert type="error" showIcon title={versions.error.message} className="page-alert" />}
      <List
        className="article-version-list"
        loading={versions.status === 'loading'}
        dataSource={versions.status === 'success' ? [...versions.data].sort((a, b) => b.version - a.version) : []}
        locale={{ emptyText: '还没有保存过的版本' }}
        renderItem={(item) => {
          const isCurrent = item.version === article.version;
          return (
            <List.Item
              className="article-version"
              actions={[
                <Button key="view" size="small" onClick={() => setViewing(item.version)}>
                  查看
                </Button>,
                <Button key="restore" size="small" disabled={isCurrent || !restorable} onClick={() => restore(item.version)}>
                  恢复此版本
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    第 {item.version} 版 <Tag>{versionActionLabel(item.action)}</Tag>
                    {isCurrent && <Tag color="green">当前</Tag>}
                  </span>
                }
                description={
                  <>
                    <div>{item.title}</div>
                    <Typography.Text type="secondary">
                      {formatDateTime(item.savedAt)} · {staffLabel(item.savedBy)}
                      {item.state ? ` · ${ARTICLE_STATE_LABELS[item.state]}` : ''}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      <Drawer
        open={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing !== null ? `第 ${viewing} 版` : ''}
        size={460}
        destroyOnHidden
        className="article-version-view"
        extra={
          viewing !== null && viewing !== article.version && restorable ? (
            <Button type="primary" onClick={() => restore(viewing)}>
              恢复此版本
            </Button>
          ) : null
        }
      >
        {viewing !== null && <SnapshotView articleId={article.id} version={viewing} />}
      </Drawer>
    </>
  );
}

/** One version, shown the way it would read on the phone. */
function SnapshotView({ articleId, version }: { articleId: string; version: number }) {
  const [state, setState] = useState<
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | { status: 'ready'; snapshot: ArticleVersionSnapshot; html: string; readingMinutes?: number }
  >({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    (async () => {
      const snapshot = await getArticleVersion(articleId, version, controller.signal);
      // Older snapshots may carry no rendered HTML; the preview endpoint renders the Markdown the same way.
      if (snapshot.html !== undefined) return { snapshot, html: snapshot.html };
      const rendered = await previewArticle({ markdown: snapshot.markdown }, controller.signal);
      return { snapshot, html: rendered.html, readingMinutes: rendered.readingMinutes };
    })().then(
      (ready) => {
        if (!controller.signal.aborted) setState({ status: 'ready', ...ready });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (!(err instanceof ApiError)) {
          setState(() => {
            throw err;
          });
          return;
        }
        setState({ status: 'error', message: err.message });
      },
    );
    return () => controller.abort();
  }, [articleId, version]);

  if (state.status === 'loading') {
    return (
      <div style={{ textAlign: 'center', padding: 32 }}>
        <Spin />
      </div>
    );
  }
  if (state.status === 'error') return <Alert type="error" showIcon title={state.message} />;
  const { snapshot } = state;
  return (
    <ArticlePhonePreview
      content={{
        title: snapshot.title,
        category: snapshot.category,
        summary: snapshot.summary,
        html: state.html,
        readingMinutes: state.readingMinutes,
        references: snapshot.references,
      }}
    />
  );
}

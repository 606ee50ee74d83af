import { ArrowLeftOutlined, HistoryOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { useAccess } from '../../../hooks/useSession';
import {
  ARTICLE_AUDIENCES,
  ARTICLE_CATEGORIES,
  archiveArticle,
  createArticle,
  getArticle,
  submitArticle,
  updateArticle,
  type Article,
} from '../../../services/content';
import { ApiError } from '../../../services/errors';
import ArticlePhonePreview from '../shared/ArticlePhonePreview';
import FlagAlerts from '../shared/FlagAlerts';
import { CoverField } from '../shared/MediaPicker';
import {
  emptyFormValues,
  formValuesFromArticle,
  MARKDOWN_MAX,
  sameContent,
  SLUG_PATTERN,
  SUMMARY_MAX,
  TAGS_MAX,
  tagsProblem,
  TITLE_MAX,
  toArticleFields,
  type ArticleFormValues,
} from '../shared/article-form';
import { articleStateBadge, isEditable, readOnlyReason, staffLabel, stateNotice } from '../shared/article-state';
import { formatDateTime } from '../shared/format';
import { normalizeReferences, referenceTextProblem, referenceUrlProblem, REFERENCES_MAX } from '../shared/references';
import '../shared/content.css';
import { useArticlePreview } from './usePreview';
import VersionDrawer from './VersionDrawer';
import { titleRules } from '../shared/title-rules';

/** /articles/new and /articles/:id */
export default function ArticleEditorPage() {
  const { id } = useParams();
  return id ? <ExistingArticle id={id} /> : <ArticleEditor initial={null} />;
}

function ExistingArticle({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => getArticle(id, signal), [id]);
  const article = useApi(load);
  if (article.status === 'loading') {
    return (
      <PageContainer>
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      </PageContainer>
    );
  }
  if (article.status === 'error') {
    return (
      <PageContainer extra={<BackToList />}>
        <Alert
          type="error"
          showIcon
          title={article.error.message}
          className="page-alert article-load-error"
          action={
            <Button size="small" onClick={article.reload}>
              重试
            </Button>
          }
        />
      </PageContainer>
    );
  }
  return <ArticleEditor key={article.data.id} initial={article.data} />;
}

function BackToList() {
  return (
    <Link to="/articles">
      <ArrowLeftOutlined /> 返回文章列表
    </Link>
  );
}

type Busy = 'save' | 'submit' | 'archive' | 'reload' | null;

function ArticleEditor({ initial }: { initial: Article | null }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const access = useAccess();
  const [form] = Form.useForm<ArticleFormValues>();
  const [article, setArticle] = useState<Article | null>(initial);
  const [baseline, setBaseline] = useState<ArticleFormValues>(() =>
    initial ? formValuesFromArticle(initial) : emptyFormValues(),
  );
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [coverUrl, setCoverUrl] = useState<string | null>(initial?.cover ?? null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const preview = useArticlePreview(
    initial ? { html: initial.html, flags: initial.flags, readingMinutes: initial.readingMinutes } : null,
  );

  const title = Form.useWatch('title', form) ?? '';
  const summary = Form.useWatch('summary', form) ?? '';
  const category = Form.useWatch('category', form);
  const references = Form.useWatch('references', form);

  const editable = article ? isEditable(article.state) : true;

  // Leaving with unsaved changes asks first (in-app navigation and closing the tab). A ref, because the blocker
  // runs at navigation time, right after a save that has not re-rendered yet.
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty && editable;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname);
  // The blocker object changes on every render while blocked: ask once per blocked navigation.
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      className: 'article-leave-confirm',
      title: '有修改还没有保存',
      content: '离开后这些修改会丢失。确定要离开吗？',
      okText: '离开',
      cancelText: '留下继续编辑',
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker, modal]);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  /** Takes the server's copy as the new truth: form, baseline, cover and preview. */
  const adopt = useCallback(
    (next: Article) => {
      const values = formValuesFromArticle(next);
      setArticle(next);
      setBaseline(values);
      form.setFieldsValue(values);
      setCoverUrl(next.cover);
      setDirty(false);
      dirtyRef.current = false;
      preview.replace({ html: next.html, flags: next.flags, readingMinutes: next.readingMinutes });
    },
    [form, preview],
  );

  const requestPreview = () => {
    const values = form.getFieldsValue(true) as ArticleFormValues;
    preview.request({
      markdown: values.markdown ?? '',
      ...(values.title?.trim() ? { title: values.title.trim().slice(0, 200) } : {}),
      ...(values.summary?.trim() ? { summary: values.summary.trim().slice(0, 500) } : {}),
      ...(values.category ? { category: values.category } : {}),
    });
  };

  const onValuesChange = (changed: Partial<ArticleFormValues>) => {
    setDirty(!sameContent(baseline, form.getFieldsValue(true) as ArticleFormValues));
    if ('markdown' in changed || 'title' in changed || 'summary' in changed || 'category' in changed) requestPreview();
  };

  const reloadLatest = async () => {
    if (!article) return;
    setBusy('reload');
    try {
      adopt(await getArticle(article.id));
      message.success('已加载最新版本');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      message.error(err.message);
    } finally {
      setBusy(null);
    }
  };

  const showConflict = () => {
    modal.confirm({
      className: 'article-conflict',
      title: '这篇文章刚刚被其他人保存过',
      content:
        '为了不覆盖别人的修改，这次没有保存。你可以加载最新版本再继续（你这次的修改会丢失，可以先把正文复制下来），也可以先留在这里。',
      okText: '加载最新版本',
      cancelText: '先留在这里',
      onOk: reloadLatest,
    });
  };

  /** Shows what went wrong; returns nothing. Knows the codes where the user can do something specific. */
  const handleError = (err: unknown) => {
    if (!(err instanceof ApiError)) throw err;
    switch (err.code) {
      case 'ARTICLE_EDIT_CONFLICT':
        showConflict();
        return;
      case 'ARTICLE_SLUG_TAKEN':
        form.setFields([{ name: 'slug', errors: [err.message] }]);
        message.error(err.message);
        return;
      case 'ARTICLE_NOT_EDITABLE':
        message.error(err.message);
        void reloadLatest();
        return;
      default:
        message.error(err.message);
    }
  };

  /** Saves if needed. Resolves with the saved article, or null when nothing could be saved. */
  const save = async (): Promise<Article | null> => {
    try {
      await form.validateFields();
    } catch {
      message.error('还有内容需要修改，请看标红的地方');
      return null;
    }
    const values = form.getFieldsValue(true) as ArticleFormValues;
    const fields = toArticleFields(values);
    if (!article) {
      const created = await createArticle(fields);
      adopt(created);
      return created;
    }
    if (!dirty) return article;
    const saved = await updateArticle(article.id, article.version, fields);
    adopt(saved);
    return saved;
  };

  const onSave = async () => {
    setBusy('save');
    try {
      const wasNew = !article;
      const saved = await save();
      if (!saved) return;
      message.success('草稿已保存');
      if (wasNew) navigate(`/articles/${saved.id}`, { replace: true });
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async () => {
    // The API refuses a submission without these (ARTICLE_INCOMPLETE); say so at the fields instead.
    const values = form.getFieldsValue(true) as ArticleFormValues;
    const missing = [
      ...(values.summary?.trim() ? [] : [{ name: 'summary' as const, errors: ['提交审核前请写好摘要'] }]),
      ...(values.markdown?.trim() ? [] : [{ name: 'markdown' as const, errors: ['提交审核前请写好正文'] }]),
    ];
    if (missing.length) {
      form.setFields(missing);
      message.error('请先写好摘要和正文，再提交审核');
      return;
    }
    setBusy('submit');
    try {
      const wasNew = !article;
      const saved = await save();
      if (!saved) return;
      const submitted = await submitArticle(saved.id);
      adopt(submitted);
      if (submitted.flags.length) {
        message.warning(`已提交审核。安全表述检查发现 ${submitted.flags.length} 处需要留意，审核员会看到这些提示。`);
      } else {
        message.success('已提交审核，审核员会尽快查看');
      }
      if (wasNew) navigate(`/articles/${submitted.id}`, { replace: true });
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(null);
    }
  };

  const onArchive = () => {
    if (!article) return;
    modal.confirm({
      className: 'article-archive-confirm',
      title: '归档这篇文章？',
      content:
        article.state === 'published'
          ? '归档后读者将看不到这篇文章。之后可以在版本历史里恢复为草稿，重新审核后再发布。'
          : '归档后它不会出现在待办里。之后可以在版本历史里恢复为草稿。',
      okText: '归档',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        setBusy('archive');
        try {
          adopt(await archiveArticle(article.id));
          message.success('已归档');
        } catch (err) {
          handleError(err);
        } finally {
          setBusy(null);
        }
      },
    });
  };

  const badge = article ? articleStateBadge(article, new Date()) : null;
  const reason = article ? readOnlyReason(article.state) : null;
  const notice = article ? stateNotice(article.state) : null;
  // An archived article becomes a draft when saved; only then can it go to review.
  const canSubmit = !article || article.state === 'draft' || (article.state === 'archived' && dirty);
  const flags = preview.preview?.flags ?? [];

  return (
    <PageContainer
      extra={
        <Space>
          {badge && (
            <Tag color={badge.color} className={`article-state article-state-${badge.key}`}>
              {badge.label}
            </Tag>
          )}
          {article && <Typography.Text type="secondary">第 {article.version} 版</Typography.Text>}
          <BackToList />
        </Space>
      }
    >
      <div className="article-editor">
        {article?.reviewComment && article.state === 'draft' && (
          <Alert
            className="page-alert article-review-comment"
            type="warning"
            showIcon
            title={`审核意见${article.reviewedBy ? `（${staffLabel(article.reviewedBy)}）` : ''}`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{article.reviewComment}</span>}
          />
        )}
        {article && article.state === 'published' && (
          <Alert
            className="page-alert article-published-info"
            type={badge?.key === 'scheduled' ? 'info' : 'success'}
            showIcon
            title={
              badge?.key === 'scheduled'
                ? `已通过审核，将于 ${formatDateTime(article.publishAt)} 自动发布`
                : `已于 ${formatDateTime(article.publishedAt ?? article.publishAt)} 发布`
            }
            description={
              article.reviewedBy
                ? `审核人：${staffLabel(article.reviewedBy)}，审核时间：${formatDateTime(article.reviewedAt)}`
                : undefined
            }
          />
        )}
        {notice && <Alert className="page-alert article-state-notice" type="info" showIcon title={notice} />}
        {reason && (
          <Alert
            className="page-alert article-readonly"
            type="info"
            showIcon
            title={reason}
            action={
              article?.state === 'in_review' && access.canReview ? (
                <Link to={`/review/${article.id}`}>去审核</Link>
              ) : undefined
            }
          />
        )}

        <div className="editor-columns">
          <div className="editor-form-column">
            <Form<ArticleFormValues>
              form={form}
              name="article"
              layout="vertical"
              initialValues={baseline}
              onValuesChange={onValuesChange}
              disabled={!editable || busy !== null}
              className="article-form"
            >
              <Form.Item
                label="标题"
                name="title"
                rules={titleRules(TITLE_MAX)}
              >
                <Input maxLength={TITLE_MAX} showCount placeholder="用读者的话说清这篇文章能帮到什么" />
              </Form.Item>
              <Space align="start" wrap style={{ width: '100%' }}>
                <Form.Item
                  label="分类"
                  name="category"
                  rules={[{ required: true, message: '请选择分类' }]}
                  style={{ minWidth: 200 }}
                >
                  <Select
                  showSearch
                  placeholder="选择一个分类"
                  options={ARTICLE_CATEGORIES.map((c) => ({ value: c, label: c }))}
                  listHeight={384}
                />
                </Form.Item>
                <Form.Item
                  label="链接名"
                  name="slug"
                  tooltip="文章地址的一部分，只用小写字母、数字和连字符，例如 sleep-hygiene-basics。留空会自动生成。"
                  rules={[
                    { pattern: SLUG_PATTERN, message: '只能用小写字母、数字和连字符，且不能以连字符开头或结尾' },
                    { max: 80, message: '链接名不超过80个字符' },
                  ]}
                  style={{ minWidth: 280 }}
                >
                  <Input placeholder="留空自动生成" maxLength={80} />
                </Form.Item>
              </Space>
              <Form.Item label="摘要" name="summary" rules={[{ max: SUMMARY_MAX, message: `摘要不超过${SUMMARY_MAX}字` }]}>
                <Input.TextArea
                  rows={2}
                  maxLength={SUMMARY_MAX}
                  showCount
                  placeholder="一两句话，出现在文章列表里，让读者知道读完能得到什么"
                />
              </Form.Item>
              <Form.Item label="适用人群" name="audience">
                <Select
                  mode="multiple"
                  allowClear
                  placeholder="可多选，不选表示所有人"
                  options={ARTICLE_AUDIENCES.map((a) => ({ value: a, label: a }))}
                />
              </Form.Item>
              <Form.Item
                label="标签"
                name="tags"
                extra={`输入后按回车添加，最多${TAGS_MAX}个，帮助读者搜索到这篇文章`}
                rules={[
                  {
                    validator: async (_, value: string[] | undefined) => {
                      const problem = tagsProblem(value);
                      if (problem) throw new Error(problem);
                    },
                  },
                ]}
              >
                <Select mode="tags" maxCount={TAGS_MAX} tokenSeparators={[',', '，', '、']} placeholder="例如：失眠、睡眠卫生" open={false} />
              </Form.Item>
              <Form.Item label="封面" name="coverMediaId">
                {/* Form.Item stores the id and reports the change; the URL is only for the thumbnail and preview. */}
                <CoverField url={coverUrl} disabled={!editable} onChange={(_id, media) => setCoverUrl(media?.url ?? null)} />
              </Form.Item>
              <ReferencesField />
              <Form.Item
                label="正文（Markdown）"
                name="markdown"
                rules={[{ max: MARKDOWN_MAX, message: `正文不超过${MARKDOWN_MAX}字` }]}
                extra="## 小标题、空一行分段、- 列表、> 引用、**加粗**。右边的预览就是读者在小程序里看到的样子。"
              >
                <Input.TextArea
                  className="markdown-input"
                  rows={26}
                  maxLength={MARKDOWN_MAX}
                  showCount
                  placeholder={'## 先说说这种感受\n\n很多人都有过……\n\n## 可以试试的几件小事\n\n- 第一件\n- 第二件'}
                />
              </Form.Item>

            </Form>
            <div className="editor-actions">
              <Space wrap>
                <Button
                  type="primary"
                  onClick={() => void onSave()}
                  loading={busy === 'save'}
                  disabled={!editable || (busy !== null && busy !== 'save')}
                  className="article-save"
                >
                  保存草稿
                </Button>
                <Button
                  onClick={() => void onSubmit()}
                  loading={busy === 'submit'}
                  disabled={!editable || !canSubmit || (busy !== null && busy !== 'submit')}
                  className="article-submit"
                >
                  提交审核
                </Button>
                {article && (
                  <Button
                    icon={<HistoryOutlined />}
                    onClick={() => setVersionsOpen(true)}
                    className="article-history"
                  >
                    版本历史
                  </Button>
                )}
                {article && (
                  <Button
                    danger
                    onClick={onArchive}
                    loading={busy === 'archive'}
                    disabled={article.state === 'archived' || (busy !== null && busy !== 'archive')}
                    className="article-archive"
                  >
                    归档
                  </Button>
                )}
                {editable && (
                  <Typography.Text type={dirty ? 'warning' : 'secondary'} className="article-dirty-state">
                    {dirty ? '有未保存的修改' : article ? '所有修改都已保存' : '尚未保存'}
                  </Typography.Text>
                )}
              </Space>
            </div>
          </div>

          <div className="editor-preview-column">
            <div className="preview-column-status">
              <Typography.Text type="secondary" className="preview-status">
                {preview.status === 'waiting' || preview.status === 'loading'
                  ? '预览更新中…'
                  : preview.preview
                    ? `手机预览 · 约 ${preview.preview.readingMinutes} 分钟读完`
                    : '手机预览'}
              </Typography.Text>
            </div>
            {preview.status === 'error' && preview.error && (
              <Alert className="page-alert preview-error" type="error" showIcon title={`预览没有更新：${preview.error}`} />
            )}
            <FlagAlerts flags={flags} />
            <ArticlePhonePreview
              content={{
                title,
                category,
                summary,
                cover: coverUrl,
                readingMinutes: preview.preview?.readingMinutes,
                html: preview.preview?.html ?? '',
                references: normalizeReferences(references),
              }}
            />
          </div>
        </div>
      </div>
      {article && (
        <VersionDrawer
          open={versionsOpen}
          article={article}
          hasUnsavedChanges={dirty}
          onClose={() => setVersionsOpen(false)}
          onRestored={(restored) => {
            adopt(restored);
            setVersionsOpen(false);
          }}
        />
      )}
    </PageContainer>
  );
}

/** 参考资料: a list of "text + optional url" rows. */
function ReferencesField() {
  return (
    <Form.Item label="参考资料" className="article-references" tooltip="权威来源：世界卫生组织、国家卫生健康委、中国心理卫生协会、同行评审综述等">
      <Form.List name="references">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <div className="reference-row" key={field.key}>
                <Form.Item
                  name={[field.name, 'text']}
                  className="reference-text"
                  dependencies={[['references', field.name, 'url']]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, text: string | undefined) => {
                        const problem = referenceTextProblem({ text, url: getFieldValue(['references', field.name, 'url']) });
                        if (problem) throw new Error(problem);
                      },
                    }),
                  ]}
                >
                  <Input placeholder="作者. 标题. 出处, 年份." maxLength={500} aria-label={`参考资料 ${index + 1} 名称`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'url']}
                  className="reference-url"
                  rules={[
                    {
                      validator: async (_, url: string | undefined) => {
                        const problem = referenceUrlProblem(url);
                        if (problem) throw new Error(problem);
                      },
                    },
                  ]}
                >
                  <Input placeholder="https://…（可不填）" maxLength={500} aria-label={`参考资料 ${index + 1} 链接`} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={`删除参考资料 ${index + 1}`}
                />
              </div>
            ))}
            <Button
              type="dashed"
              onClick={() => add({ text: '', url: '' })}
              icon={<PlusOutlined />}
              disabled={fields.length >= REFERENCES_MAX}
              className="reference-add"
            >
              添加参考资料
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Modal, Radio, Space, Spin, Tag } from 'antd';
import type { DatePickerProps } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import PageContainer from '../../../components/PageContainer';
import { useApi } from '../../../hooks/useApi';
import { useAccess } from '../../../hooks/useSession';
import { approveArticle, getArticle, returnArticle, type Article } from '../../../services/content';
import { ApiError } from '../../../services/errors';
import ArticlePhonePreview from '../../content/shared/ArticlePhonePreview';
import FlagAlerts from '../../content/shared/FlagAlerts';
import { articleStateBadge, staffLabel } from '../../content/shared/article-state';
import { formatDateTime } from '../../content/shared/format';
import { schedulePublishAt } from '../../content/shared/schedule';
import '../../content/shared/content.css';
import './review.css';

const COMMENT_MAX = 2000;

function BackToQueue() {
  return (
    <Link to="/review">
      <ArrowLeftOutlined /> 返回审核队列
    </Link>
  );
}

/** /review/:id — read the article as residents will, see the safe-messaging flags, then approve or return it. */
export default function ReviewDetailPage() {
  const { id = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => getArticle(id, signal), [id]);
  const article = useApi(load);

  if (article.status === 'loading') {
    return (
      <PageContainer extra={<BackToQueue />}>
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      </PageContainer>
    );
  }
  if (article.status === 'error') {
    return (
      <PageContainer extra={<BackToQueue />}>
        <Alert type="error" showIcon title={article.error.message} className="page-alert" />
      </PageContainer>
    );
  }
  return <ReviewDesk article={article.data} />;
}

function ReviewDesk({ article }: { article: Article }) {
  const access = useAccess();
  const [approveOpen, setApproveOpen] = useState(false);
  const [returnOpen, setReturnOpen] = useState(false);
  const badge = articleStateBadge(article, new Date());
  const waiting = article.state === 'in_review';

  return (
    <PageContainer
      extra={
        <Space>
          <Tag color={badge.color} className={`article-state article-state-${badge.key}`}>
            {badge.label}
          </Tag>
          <BackToQueue />
        </Space>
      }
    >
      <div className="review-detail">
        {!waiting && (
          <Alert
            className="page-alert review-not-waiting"
            type="info"
            showIcon
            title={`这篇文章现在是“${badge.label}”状态，不在待审核中，无需处理。`}
          />
        )}
        <div className="review-columns">
          <div className="review-meta-column">
            <FlagAlerts flags={article.flags} showClean />
            <Descriptions
              className="review-meta"
              column={1}
              bordered
              size="small"
              items={[
                { key: 'title', label: '标题', children: article.title },
                { key: 'category', label: '分类', children: article.category },
                {
                  key: 'audience',
                  label: '适用人群',
                  children: article.audience.length ? article.audience.join('、') : '所有人',
                },
                { key: 'tags', label: '标签', children: article.tags.length ? article.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—' },
                { key: 'summary', label: '摘要', children: article.summary || '—' },
                { key: 'slug', label: '链接名', children: article.slug },
                { key: 'reading', label: '阅读时长', children: `约 ${article.readingMinutes} 分钟` },
                {
                  key: 'references',
                  label: '参考资料',
                  children: article.references.length ? (
                    <ol className="review-references">
                      {article.references.map((r, i) => (
                        <li key={i}>
                          {r.text}
                          {r.url && (
                            <>
                              {' '}
                              <a href={r.url} target="_blank" rel="noopener noreferrer">
                                {r.url}
                              </a>
                            </>
                          )}
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <span className="review-no-references">没有列出参考资料</span>
                  ),
                },
                { key: 'updated', label: '提交时间', children: formatDateTime(article.updatedAt) },
                { key: 'version', label: '版本', children: `第 ${article.version} 版` },
              ]}
            />
            {waiting && access.canReview && (
              <Space className="review-actions" wrap>
                <Button type="primary" onClick={() => setApproveOpen(true)} className="review-approve">
                  通过并发布
                </Button>
                <Button danger onClick={() => setReturnOpen(true)} className="review-return">
                  退回修改
                </Button>
              </Space>
            )}
          </div>
          <div className="review-preview-column">
            <ArticlePhonePreview
              content={{
                title: article.title,
                category: article.category,
                summary: article.summary,
                cover: article.cover,
                readingMinutes: article.readingMinutes,
                html: article.html,
                references: article.references,
              }}
            />
          </div>
        </div>
      </div>
      {access.canReview && (
        <>
          <ApproveModal article={article} open={approveOpen} onClose={() => setApproveOpen(false)} />
          <ReturnModal article={article} open={returnOpen} onClose={() => setReturnOpen(false)} />
        </>
      )}
    </PageContainer>
  );
}

// antd's Dayjs, named without importing dayjs (not a direct dependency of the admin).
type PickedDate = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

const disablePastDays: DatePickerProps['disabledDate'] = (current) => {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return current.valueOf() < today.getTime();
};

function ApproveModal({ article, open, onClose }: { article: Article; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'now' | 'scheduled'>('now');
  const [at, setAt] = useState<PickedDate | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    const choice = schedulePublishAt(mode, at ? at.toDate() : null, new Date());
    if (!choice.ok) {
      setProblem(choice.problem);
      return;
    }
    setBusy(true);
    try {
      const approved = await approveArticle(article.id, choice.publishAt);
      message.success(
        choice.publishAt ? `已通过，将于 ${formatDateTime(approved.publishAt ?? choice.publishAt)} 自动发布` : '已通过并发布，读者现在可以看到这篇文章了',
      );
      onClose();
      navigate('/review');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="通过并发布"
      className="review-approve-modal"
      okText={mode === 'now' ? '确认发布' : '确认定时发布'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      {article.flags.length > 0 && (
        <Alert
          className="page-alert"
          type="warning"
          showIcon
          title={`安全表述检查有 ${article.flags.length} 条提示。请确认这些地方已经可以接受，否则可以选择退回修改。`}
        />
      )}
      <Radio.Group
        value={mode}
        onChange={(e) => {
          setMode(e.target.value as 'now' | 'scheduled');
          setProblem(null);
        }}
        className="review-publish-mode"
        options={[
          { value: 'now', label: '立即发布' },
          { value: 'scheduled', label: '定时发布' },
        ]}
      />
      {mode === 'scheduled' && (
        <div style={{ marginTop: 12 }}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={at}
            onChange={(value) => {
              setAt(value);
              setProblem(null);
            }}
            disabledDate={disablePastDays}
            placeholder="选择发布时间"
            className="review-publish-at"
            style={{ width: 240 }}
          />
          <div className="review-hint">到时间后文章会自动出现在小程序里，不需要再操作。</div>
        </div>
      )}
      {problem && <Alert className="review-modal-error" type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

function ReturnModal({ article, open, onClose }: { article: Article; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    let comment: string;
    try {
      comment = (await form.validateFields()).comment.trim();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await returnArticle(article.id, comment);
      message.success('已退回，编辑会看到你的意见');
      onClose();
      navigate('/review');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setProblem(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="退回修改"
      className="review-return-modal"
      okText="确认退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="review-return" preserve={false}>
        <Form.Item
          label="退回意见"
          name="comment"
          rules={[
            { required: true, whitespace: true, message: '请写下需要修改的地方，编辑会照着改' },
            { max: COMMENT_MAX, message: `不超过${COMMENT_MAX}字` },
          ]}
          extra={`写清楚哪里需要改、为什么。${article.flags.length ? '可以参考上面的安全表述提示。' : ''}`}
        >
          <Input.TextArea rows={5} maxLength={COMMENT_MAX} showCount placeholder="例如：第二节提到了具体药名和剂量，请删去；结尾请加上心理援助热线 12356。" />
        </Form.Item>
      </Form>
      {problem && <Alert className="review-modal-error" type="error" showIcon title={problem} />}
    </Modal>
  );
}

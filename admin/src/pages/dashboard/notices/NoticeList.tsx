import { Alert, Button, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../services/errors';
import { formatNoticeTime, noticeLink, noticeTag, withAllNoticesRead, withNoticeRead, type NoticeList as Notices } from './notice-logic';
import { listNotices, markAllNoticesRead, markNoticeRead, NOTICES_CHANGED } from './service';

// Styles inline: the component is self-contained (it also sits in a popover), global.css stays untouched.
const UNREAD_DOT = { display: 'inline-block', width: 8, height: 8, borderRadius: '50%', background: '#ff4d4f' } as const;

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'success'; data: Notices };

/** My latest notices, unread ones marked; opening one's link marks it read. Used by the bell and the dashboard. */
export default function NoticeList({ pageSize = 10, compact = false, onNavigate }: { pageSize?: number; compact?: boolean; onNavigate?: () => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listNotices(controller.signal, { pageSize }).then(
      (data) => { if (!controller.signal.aborted) setState({ status: 'success', data }); },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiError) setState({ status: 'error', message: err.message });
        else setState(() => { throw err; });
      },
    );
    return () => controller.abort();
  }, [pageSize, attempt]);

  // Another part of this tab (the bell, the dashboard card) marked something read: load again.
  useEffect(() => {
    const onChanged = () => setAttempt((n) => n + 1);
    window.addEventListener(NOTICES_CHANGED, onChanged);
    return () => window.removeEventListener(NOTICES_CHANGED, onChanged);
  }, []);

  const act = useCallback(async (update: (d: Notices) => Notices, call: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    setState((s) => (s.status === 'success' ? { status: 'success', data: update(s.data) } : s));
    try {
      await call();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setActionError(err.message);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }, []);

  if (state.status === 'loading') return <Skeleton active paragraph={{ rows: compact ? 2 : 3 }} />;
  if (state.status === 'error') {
    return <Alert type="error" showIcon title={state.message} action={<Button size="small" onClick={() => setAttempt((n) => n + 1)}>重试</Button>} />;
  }
  const { items, unread } = state.data;
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂时没有提醒" />;

  return (
    <div className={compact ? 'notice-list notice-list-compact' : 'notice-list'}>
      {actionError && <Alert type="warning" showIcon title={actionError} className="page-alert" />}
      <List
        size="small"
        dataSource={items}
        renderItem={(n) => {
          const tag = noticeTag(n);
          return (
            <List.Item className={n.read ? 'notice-item' : 'notice-item notice-unread'} data-notice-id={n.id}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap="small" align="center" wrap>
                  {!n.read && <span className="notice-dot" aria-label="未读" style={UNREAD_DOT} />}
                  <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                  <Tag color={tag.color}>{tag.label}</Tag>
                  <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>{formatNoticeTime(n.createdAt, new Date())}</Typography.Text>
                </Flex>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} ellipsis={compact ? { rows: 2 } : false}>
                  {n.body}
                </Typography.Paragraph>
                <Flex gap="small">
                  <Link
                    to={noticeLink(n)}
                    className="notice-link"
                    onClick={() => {
                      if (!n.read) void act((d) => withNoticeRead(d, n.id), () => markNoticeRead(n.id));
                      onNavigate?.();
                    }}
                  >
                    去咨询师管理
                  </Link>
                  {!n.read && (
                    <Button type="link" size="small" className="notice-mark-read" disabled={busy} style={{ padding: 0, height: 'auto' }}
                      onClick={() => void act((d) => withNoticeRead(d, n.id), () => markNoticeRead(n.id))}>
                      标为已读
                    </Button>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
      {unread > 0 && (
        <Button size="small" className="notice-read-all" disabled={busy} style={{ marginTop: 8 }} onClick={() => void act(withAllNoticesRead, markAllNoticesRead)}>
          全部标为已读（{unread}）
        </Button>
      )}
    </div>
  );
}

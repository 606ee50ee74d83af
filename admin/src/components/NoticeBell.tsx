import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAccess } from '../hooks/useSession';
import NoticeList from '../pages/dashboard/notices/NoticeList';
import { bellLabel, noticesVisible } from '../pages/dashboard/notices/notice-logic';
import { getUnreadNoticeCount, NOTICES_CHANGED } from '../pages/dashboard/notices/service';
import { ApiError } from '../services/errors';

const POLL_MS = 120_000;

/**
 * A bell with the unread-notice count (credential notices for now); opens the latest notices. Shown only to the
 * roles that get notices. Self-contained so it can sit in the page header or on the dashboard.
 */
export default function NoticeBell() {
  const access = useAccess();
  const visible = noticesVisible(access);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);

  const refresh = useCallback((signal: AbortSignal = new AbortController().signal) => {
    getUnreadNoticeCount(signal).then(setUnread, (err: unknown) => {
      // An abort (unmount) is expected, and a count that cannot load just stays as it was: the list shows the error.
      if (signal.aborted || err instanceof ApiError) return;
      throw err;
    });
  }, []);

  useEffect(() => {
    if (!visible) return;
    const controller = new AbortController();
    refresh(controller.signal);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    const onChanged = () => refresh();
    window.addEventListener(NOTICES_CHANGED, onChanged);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener(NOTICES_CHANGED, onChanged);
    };
  }, [visible, refresh]);

  if (!visible) return null;
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title="提醒"
      destroyOnHidden
      content={
        <div className="notice-popover" style={{ width: 360, maxHeight: 440, overflowY: 'auto' }}>
          <NoticeList pageSize={5} compact onNavigate={() => setOpen(false)} />
        </div>
      }
    >
      <Tooltip title={bellLabel(unread)}>
        <Button type="text" className="notice-bell" aria-label={bellLabel(unread)} data-unread={unread}>
          <Badge count={unread} overflowCount={99} size="small">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        </Button>
      </Tooltip>
    </Popover>
  );
}

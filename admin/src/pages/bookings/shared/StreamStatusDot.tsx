import { Badge } from 'antd';
import type { StreamStatus } from './stream-connection';

const VIEW: Record<StreamStatus, { status: 'processing' | 'warning' | 'default' | 'success'; text: string }> = {
  open: { status: 'processing', text: '实时连接中' },
  connecting: { status: 'default', text: '正在连接…' },
  reconnecting: { status: 'warning', text: '已断开，正在重连' },
  stopped: { status: 'default', text: '已断开' },
};

/** `.stream-status` with `data-status`; the e2e tests wait for the text 实时连接中. */
export default function StreamStatusDot({ status }: { status: StreamStatus }) {
  const view = VIEW[status];
  return (
    <span className="stream-status" data-status={status} role="status" aria-live="polite">
      <Badge status={view.status} text={view.text} />
    </span>
  );
}

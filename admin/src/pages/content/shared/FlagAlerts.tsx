import { Alert } from 'antd';
import type { SafeMessagingFlag } from '../../../services/content';

/**
 * The safe-messaging check's findings, one warning each. They are prompts for people, not verdicts, so they
 * never block a button; the reviewer decides.
 */
export default function FlagAlerts({
  flags,
  showClean = false,
}: {
  flags: readonly SafeMessagingFlag[];
  /** Also say so when the check found nothing (the reviewer wants to know it ran). */
  showClean?: boolean;
}) {
  if (!flags.length) {
    return showClean ? (
      <Alert className="safe-messaging-flags safe-messaging-clean" type="success" showIcon title="安全表述检查：未发现需要注意的地方" />
    ) : null;
  }
  return (
    <div className="safe-messaging-flags">
      {flags.map((flag, i) => (
        <Alert
          key={`${flag.code}-${i}`}
          className="safe-messaging-flag"
          type="warning"
          showIcon
          title={flag.message}
          description={flag.excerpt ? `相关原文：“${flag.excerpt}”` : undefined}
        />
      ))}
    </div>
  );
}

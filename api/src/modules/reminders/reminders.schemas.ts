import { z } from 'zod';
import { REMINDER_STATUSES } from './reminder.model';

export const reminderView = z.object({
  id: z.string(), code: z.string(), dueAt: z.string(), status: z.enum(REMINDER_STATUSES), createdAt: z.string(),
});
export const reminderIdParams = z.object({ id: z.string().regex(/^rr_[A-Za-z0-9_]{8,100}$/, '提醒编号格式不正确') });

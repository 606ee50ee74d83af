import mongoose, { Types } from 'mongoose';
import { isDuplicateKey } from '../../db';
import { NotFoundError } from '../../http/errors';
import type { Logger } from '../../logger';
import { ResidentModel } from '../residents/resident.model';
import { WeChatError } from '../wechat/access-token.client';
import { SubscribeMessageError, type SubscribeMessageClient, type TemplateData } from '../wechat/subscribe-message.client';
import { MessageModel, NotificationSendModel, type MessageKind } from './message.model';

export const TEMPLATE_NAMES = ['confirmed', 'changed', 'cancelled', 'reminder', 'waitlist'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type BookingTemplates = Partial<Record<TemplateName, string | undefined>>;

export interface Notification {
  residentId: string;
  kind: MessageKind;
  title: string;
  body: string;
  bookingId?: string | null;
  activityId?: string | null;
  stationId?: string | null;
  /** A notification with a key goes out at most once, across API instances. */
  dedupeKey?: string;
  /** The lock-screen message; sent only when the template is configured. */
  subscribe?: { template: TemplateName; page: string; data: TemplateData };
}

export type SubscribeOutcome = 'sent' | 'refused' | 'failed' | 'off';

export interface MessageView {
  id: string; kind: MessageKind; title: string; body: string; read: boolean; createdAt: string;
  bookingId: string | null; activityId: string | null; stationId: string | null;
}

interface Deps {
  /** Absent when WeChat is not configured: only in-app messages are written. */
  subscribe?: SubscribeMessageClient | undefined;
  templates: BookingTemplates;
  logger?: Pick<Logger, 'warn'>;
}

function view(m: { _id: Types.ObjectId; kind: string; title: string; body: string; readAt?: Date | null; createdAt: Date; bookingId?: string | null; activityId?: string | null; stationId?: string | null }): MessageView {
  return {
    id: String(m._id), kind: m.kind as MessageKind, title: m.title, body: m.body, read: Boolean(m.readAt), createdAt: m.createdAt.toISOString(),
    bookingId: m.bookingId ?? null, activityId: m.activityId ?? null, stationId: m.stationId ?? null,
  };
}

const notFound = () => new NotFoundError('MESSAGE_NOT_FOUND', '没有找到这条消息');

export function createMessagesService(deps: Deps) {
  async function sendSubscribe(residentId: string, s: NonNullable<Notification['subscribe']>): Promise<{ outcome: SubscribeOutcome; errcode: number | null }> {
    const templateId = deps.templates[s.template];
    if (!deps.subscribe || !templateId) return { outcome: 'off', errcode: null };
    const resident = await ResidentModel.findById(residentId, { openid: 1 }).lean();
    if (!resident) return { outcome: 'failed', errcode: null };
    try {
      const result = await deps.subscribe.send({ openid: resident.openid, templateId, page: s.page, data: s.data });
      return { outcome: result.status, errcode: result.status === 'refused' ? 43101 : null };
    } catch (e) {
      // A WeChat failure never undoes what the resident or the station did; it is recorded and not retried.
      const errcode = e instanceof WeChatError ? e.errcode : null;
      deps.logger?.warn({ template: s.template, errcode, kind: e instanceof SubscribeMessageError ? e.kind : (e as Error)?.name }, 'subscribe message not sent');
      return { outcome: 'failed', errcode };
    }
  }

  return {
    templateIds(): Record<TemplateName, string | null> {
      return Object.fromEntries(TEMPLATE_NAMES.map((t) => [t, deps.subscribe ? deps.templates[t] ?? null : null])) as Record<TemplateName, string | null>;
    },

    /**
     * Writes the in-app message and sends the subscribe message. With a dedupeKey the whole notification happens
     * once: the first caller to insert the key does it, every other returns { created: false }.
     */
    async notify(n: Notification): Promise<{ created: boolean; subscribe: SubscribeOutcome | null }> {
      if (n.dedupeKey) {
        try {
          await NotificationSendModel.create({ _id: n.dedupeKey, residentId: new Types.ObjectId(n.residentId), kind: n.kind, at: new Date() });
        } catch (e) {
          if (isDuplicateKey(e)) return { created: false, subscribe: null };
          throw e;
        }
      }
      await MessageModel.create({
        residentId: new Types.ObjectId(n.residentId), kind: n.kind, title: n.title, body: n.body,
        bookingId: n.bookingId ?? null, activityId: n.activityId ?? null, stationId: n.stationId ?? null,
      });
      if (!n.subscribe) return { created: true, subscribe: null };
      const { outcome, errcode } = await sendSubscribe(n.residentId, n.subscribe);
      if (n.dedupeKey) await NotificationSendModel.updateOne({ _id: n.dedupeKey }, { $set: { subscribe: outcome, errcode } });
      return { created: true, subscribe: outcome };
    },

    async list(residentId: string, q: { page: number; pageSize: number; unread?: boolean | undefined }) {
      const rid = new Types.ObjectId(residentId);
      const filter: Record<string, unknown> = { residentId: rid };
      if (q.unread === true) filter.readAt = null;
      if (q.unread === false) filter.readAt = mongoose.trusted({ $ne: null });
      const [rows, total, unread] = await Promise.all([
        MessageModel.find(filter).sort({ createdAt: -1, _id: -1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
        MessageModel.countDocuments(filter),
        MessageModel.countDocuments({ residentId: rid, readAt: null }),
      ]);
      return { items: rows.map(view), total, page: q.page, pageSize: q.pageSize, unread };
    },

    async markRead(residentId: string, id: string): Promise<void> {
      if (!Types.ObjectId.isValid(id)) throw notFound();
      const res = await MessageModel.updateOne({ _id: new Types.ObjectId(id), residentId: new Types.ObjectId(residentId) }, { $set: { readAt: new Date() } });
      if (res.matchedCount !== 1) throw notFound();
    },

    async markAllRead(residentId: string): Promise<void> {
      await MessageModel.updateMany({ residentId: new Types.ObjectId(residentId), readAt: null }, { $set: { readAt: new Date() } });
    },

    /** Every in-app message, oldest first (the resident's data export). */
    async exportForResident(residentId: string): Promise<MessageView[]> {
      const rows = await MessageModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ createdAt: 1, _id: 1 }).lean();
      return rows.map(view);
    },

    /** Account deletion: the messages and the record of what was sent to the resident. */
    async eraseResident(residentId: string): Promise<number> {
      const rid = new Types.ObjectId(residentId);
      await NotificationSendModel.deleteMany({ residentId: rid });
      return (await MessageModel.deleteMany({ residentId: rid })).deletedCount;
    },
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;

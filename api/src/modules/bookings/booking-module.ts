// Wires the booking domain (counselors, slots, bookings, waitlist, messages, activities, live inbox, the staff
// notices about counselor credentials, booking retention) so app.ts registers it with one line for the services and
// one for the routes.
import type { Config } from '../../config';
import type { AnyRoute } from '../../http/route';
import type { Logger } from '../../logger';
import type { FieldCipher } from '../../security/field-cipher';
import { activityRoutes } from '../activities/activities.routes';
import { createActivitiesService } from '../activities/activities.service';
import type { AuditService } from '../audit/audit.service';
import type { ConsentsService } from '../consents/consents.service';
import { counselorAdminRoutes, counselorPublicRoutes } from '../counselors/counselors.routes';
import { createCounselorsService } from '../counselors/counselors.service';
import { messageRoutes } from '../messages/messages.routes';
import { createMessagesService } from '../messages/messages.service';
import { staffNoticeRoutes } from '../staff-notices/staff-notices.routes';
import { createStaffNoticesService } from '../staff-notices/staff-notices.service';
import type { StationsService } from '../stations/stations.service';
import type { SubscribeMessageClient } from '../wechat/subscribe-message.client';
import { createBlocksService } from './blocks.service';
import { createBookingEventHub } from './booking-events';
import { createBookingRetentionService } from './booking-retention';
import { createSlotFinder } from './booking-slots';
import { bookingAdminRoutes, bookingPublicRoutes, bookingResidentRoutes } from './bookings.routes';
import { createBookingsService } from './bookings.service';
import { createStreamTokens } from './stream-token';
import { createWaitlistService } from './waitlist.service';

export interface BookingModuleDeps {
  config: Pick<Config, 'jwtSecret' | 'bookings'>;
  audit: AuditService;
  stations: StationsService;
  consents: ConsentsService;
  cipher: FieldCipher;
  /** Absent when WeChat is not configured: only in-app messages then. */
  subscribe?: SubscribeMessageClient | undefined;
  logger?: Pick<Logger, 'warn' | 'info'>;
  now?: () => Date;
}

export function createBookingServices(deps: BookingModuleDeps) {
  const now = deps.now ?? (() => new Date());
  const { stations, audit, consents, cipher, logger } = deps;
  const counselors = createCounselorsService({ stations, audit, now });
  const messages = createMessagesService({ subscribe: deps.subscribe, templates: deps.config.bookings.templates, ...(logger ? { logger } : {}) });
  const waitlist = createWaitlistService({ stations, messages, now, ...(logger ? { logger } : {}) });
  const slots = createSlotFinder({ stations, counselors, now });
  const bookingEvents = createBookingEventHub({ pollMs: deps.config.bookings.eventsPollMs, ...(logger ? { logger } : {}) });
  const bookings = createBookingsService({ stations, slots, consents, cipher, messages, waitlist, audit, events: bookingEvents, now, ...(logger ? { logger } : {}) });
  const blocks = createBlocksService({ stations, counselors, audit });
  const activities = createActivitiesService({ stations, consents, cipher, messages, audit, now, ...(logger ? { logger } : {}) });
  const streamTokens = createStreamTokens(deps.config.jwtSecret);
  const staffNotices = createStaffNoticesService({ stations, now, ...(logger ? { logger } : {}) });
  const bookingRetention = createBookingRetentionService({ retentionDays: deps.config.bookings.retentionDays, now, ...(logger ? { logger } : {}) });
  return {
    counselors, messages, waitlist, slots, bookingEvents, bookings, blocks, activities, streamTokens, staffNotices, bookingRetention,
    heartbeatMs: deps.config.bookings.streamHeartbeatMs,
  };
}

export type BookingServices = ReturnType<typeof createBookingServices>;

export function bookingModuleRoutes(s: BookingServices & { stations: StationsService }): AnyRoute[] {
  return [
    ...counselorPublicRoutes({ counselors: s.counselors }),
    ...counselorAdminRoutes({ counselors: s.counselors }),
    ...bookingPublicRoutes({ slots: s.slots, stations: s.stations }),
    ...bookingResidentRoutes({ bookings: s.bookings, waitlist: s.waitlist }),
    ...bookingAdminRoutes({ bookings: s.bookings, blocks: s.blocks, events: s.bookingEvents, streamTokens: s.streamTokens, ...(s.heartbeatMs ? { heartbeatMs: s.heartbeatMs } : {}) }),
    ...messageRoutes({ messages: s.messages }),
    ...activityRoutes({ activities: s.activities }),
    ...staffNoticeRoutes({ staffNotices: s.staffNotices }),
  ];
}

import { bodyParser } from '@koa/bodyparser';
import cors from '@koa/cors';
import Router from '@koa/router';
import Koa from 'koa';
import helmet from 'koa-helmet';
import { z } from 'zod';
import type { Config } from './config';
import { pingDatabase } from './db';
import { createAuthenticators } from './http/auth';
import { findCurrentResident } from './modules/residents/resident.model';
import { AppError } from './http/errors';
import { errorHandler } from './http/error-handler';
import { buildOpenApi } from './http/openapi';
import { requestContext } from './http/request-context';
import { defineRoute, mountRoutes, type AnyRoute } from './http/route';
import { spa } from './http/static';
import type { Logger } from './logger';
import { createAuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import { createResidentAuthService } from './modules/auth/resident-auth.service';
import { createStaffAuthService } from './modules/auth/staff-auth.service';
import { createTokenService } from './modules/auth/tokens';
import { createWeChatLoginClient, type WeChatLoginClient } from './modules/auth/wechat.client';
import { healthRoutes } from './modules/health/health.routes';
import { stationAdminRoutes, stationPublicRoutes } from './modules/stations/stations.routes';
import { createStationsService } from './modules/stations/stations.service';
import { loadScaleLibrary } from './modules/scales/scale-library';
import { scaleRoutes } from './modules/scales/scales.routes';
import { createScalesService } from './modules/scales/scales.service';
import content from '@xinan/content';
import { assessmentRoutes } from './modules/assessments/assessments.routes';
import { createAssessmentsService } from './modules/assessments/assessments.service';
import { consentRoutes } from './modules/consents/consents.routes';
import { createConsentsService } from './modules/consents/consents.service';
import { referralRoutes } from './modules/referrals/referrals.routes';
import { createReferralsService } from './modules/referrals/referrals.service';
import { reminderRoutes } from './modules/reminders/reminders.routes';
import { createRemindersService } from './modules/reminders/reminders.service';
import { createAccessTokenClient } from './modules/wechat/access-token.client';
import { createSubscribeMessageClient } from './modules/wechat/subscribe-message.client';
import { createFieldCipher } from './security/field-cipher';
import { createConfiguredMediaService } from './modules/media/configured-media';
import { mediaRoutes } from './modules/media/media.routes';
import { createAudioService } from './modules/audio/audio.service';
import { createViewCounting } from './modules/audio/view-counting';
import { audioRoutes } from './modules/audio/audio.routes';
import { articleAdminRoutes, articlePublicRoutes } from './modules/articles/articles.routes';
import { createArticlesService } from './modules/articles/articles.service';
import { favoriteRoutes } from './modules/favorites/favorites.routes';
import { createFavoritesService, resolverById } from './modules/favorites/favorites.service';
import { bookingModuleRoutes, createBookingServices } from './modules/bookings/booking-module';
import { staffAccountRoutes } from './modules/staff/staff-accounts';
import { privacyRoutes } from './modules/privacy/privacy.routes';
import { createPrivacyService } from './modules/privacy/privacy.service';
import { createResidentProfiles } from './modules/privacy/resident-profiles';

export const API_PREFIX = '/api/v1';

export interface AppDeps {
  config: Config;
  logger: Logger;
  wechat?: WeChatLoginClient;
  ping?: () => Promise<boolean>;
}

/** Builds the services once; the app, the seed step and tests share them. */
export function createServices(config: Config, wechat?: WeChatLoginClient, logger?: Logger) {
  const audit = createAuditService();
  const tokens = createTokenService(config.jwtSecret, config.residentTokenTtl, config.auth.accessTokenTtlSeconds);
  const wechatClient = wechat ?? createWeChatLoginClient({ apiBase: config.wechat.apiBase, appid: config.wechat.appid, secret: config.wechat.secret });
  const residentAuth = createResidentAuthService({ tokens, wechat: wechatClient });
  const staffAuth = createStaffAuthService({ tokens, audit, config });
  const stations = createStationsService({ audit });
  const scales = createScalesService({
    library: loadScaleLibrary({ enabledWithPermission: config.scalesEnabledWithPermission }),
    hotlines: [...content.hotlines.national, content.hotlines.local],
  });
  const cipher = createFieldCipher(config.dataEncryptionKey);
  // Withdrawing consent to keep results deletes them in the same request (PIPL Art. 15, 47).
  const consents = createConsentsService({ onWithdraw: { store_results: async (residentId) => { await assessments.deleteForResident(residentId); } } });
  const assessments = createAssessmentsService({ scales, consents, cipher });
  const referrals = createReferralsService({ consents, scales, cipher });
  const wechatTokens = createAccessTokenClient({ apiBase: config.wechat.apiBase, appid: config.wechat.appid, secret: config.wechat.secret });
  const subscribe = createSubscribeMessageClient({ apiBase: config.wechat.apiBase, tokens: wechatTokens, miniprogramState: config.wechat.miniprogramState });
  const reminders = createRemindersService({
    scales, subscribe: config.wechat.appid && config.wechat.secret ? subscribe : undefined, templateId: config.reminders.retestTemplateId,
  });
  const media = createConfiguredMediaService(config.media);
  const viewCounting = createViewCounting({ secret: config.jwtSecret, tokens });
  const audio = createAudioService({ media, viewCounting });
  const articles = createArticlesService({ audit, extraHelplines: [content.hotlines.local.phone], viewCounting });
  const favorites = createFavoritesService({ resolvers: { article: articles.resolveFavorites, track: resolverById(audio.describe) } });
  // The logger lets the booking domain report failed notifications and housekeeping instead of dropping them.
  const booking = createBookingServices({
    config, audit, stations, consents, cipher, subscribe: config.wechat.appid && config.wechat.secret ? subscribe : undefined, ...(logger ? { logger } : {}),
  });
  const privacy = createPrivacyService({
    profiles: createResidentProfiles(), consents, assessments, referrals, reminders, favorites, audio, audit,
    bookings: booking.bookings, waitlist: booking.waitlist, activities: booking.activities, messages: booking.messages,
  });
  return { audit, tokens, residentAuth, staffAuth, stations, scales, consents, assessments, referrals, reminders, media, audio, articles, favorites, ...booking, privacy };
}

export type Services = ReturnType<typeof createServices>;

/** The Koa app without listen(): server.ts and the tests both start it. */
export function createApp({ config, logger, wechat, ping = pingDatabase }: AppDeps) {
  const services = createServices(config, wechat, logger);
  const app = new Koa({ proxy: false });
  app.silent = true; // errorHandler logs; Koa's default stderr printer would duplicate it.

  // The document describes every route including itself, so it is built after the route list is complete.
  let openApi: ReturnType<typeof buildOpenApi> | undefined;
  const rootRoutes = healthRoutes({ ping });
  const apiRoutes: AnyRoute[] = [
    ...authRoutes({ residentAuth: services.residentAuth, staffAuth: services.staffAuth, allowDevLogin: !config.isProduction }),
    ...stationPublicRoutes({ stations: services.stations, counselors: services.counselors }),
    ...bookingModuleRoutes(services),
    ...staffAccountRoutes({ stations: services.stations, audit: services.audit }),
    ...stationAdminRoutes({ stations: services.stations }),
    ...scaleRoutes({ scales: services.scales }),
    ...consentRoutes({ consents: services.consents }),
    ...assessmentRoutes({ assessments: services.assessments }),
    ...referralRoutes({ referrals: services.referrals }),
    ...reminderRoutes({ reminders: services.reminders }),
    ...mediaRoutes({ media: services.media, audit: services.audit }),
    ...audioRoutes({ audio: services.audio, audit: services.audit }),
    ...articlePublicRoutes({ articles: services.articles }),
    ...articleAdminRoutes({ articles: services.articles }),
    ...favoriteRoutes({ favorites: services.favorites }),
    ...privacyRoutes({ privacy: services.privacy }),
    defineRoute({
      method: 'get', path: '/openapi.json', tags: ['meta'], access: { kind: 'public' },
      summary: 'This OpenAPI 3.1 document',
      responses: { 200: { description: 'OpenAPI document', schema: z.record(z.string(), z.unknown()) } },
      handler(ctx) {
        ctx.body = openApi;
      },
    }),
  ];
  const groups = [{ prefix: '', routes: rootRoutes }, { prefix: API_PREFIX, routes: apiRoutes }];
  openApi = buildOpenApi(groups, { title: '心安驿站 API', version: '1.0.0' });

  const auth = createAuthenticators({
    tokens: services.tokens, staffAuth: services.staffAuth, audit: services.audit,
    findResident: findCurrentResident,
  });
  const root = new Router();
  mountRoutes(root, rootRoutes, auth);
  const api = new Router({ prefix: API_PREFIX });
  mountRoutes(api, apiRoutes, auth);

  app.use(requestContext(logger));
  app.use(errorHandler());
  app.use(helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // antd and Taro H5 inject style elements at run time.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'media-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
  }));
  app.use(cors({
    // Only listed origins get CORS headers; the admin site and H5 app are served from this same origin.
    origin: (ctx) => (config.corsOrigins.includes(ctx.get('Origin')) ? ctx.get('Origin') : ''),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'ETag'],
    maxAge: 600,
  }));
  app.use(root.routes());
  app.use(async (ctx, next) => {
    if (!ctx.path.startsWith(API_PREFIX + '/') && ctx.path !== API_PREFIX) return next();
    ctx.set('Cache-Control', 'no-store');
    await next();
  });
  // DELETE too: DELETE /me carries its explicit confirmation in the body.
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: config.bodyLimit, encoding: 'utf-8', jsonStrict: true, parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'] }));
  app.use(api.routes());
  app.use(async function methodNotAllowed(ctx, next) {
    // The path exists but not with this method (also TRACE, PROPFIND…): 405 with the Allow header RFC 9110 asks for.
    const matches = [root, api].map((router) => router.match(ctx.path, ctx.method));
    if (!matches.some((m) => m.path.length) || matches.some((m) => m.route)) return next();
    // Where a literal route matches, it alone names the resource (an `:id` route beside it is another resource).
    const layers = matches.flatMap((m) => m.path);
    const literal = layers.filter((layer) => layer.paramNames.length === 0);
    const allowed = [...new Set((literal.length ? literal : layers).flatMap((layer) => layer.methods))];
    ctx.set('Allow', allowed.join(', '));
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    throw new AppError(405, 'METHOD_NOT_ALLOWED', '不支持此操作');
  });
  app.use(spa('/app', config.static.miniappH5Dir, false));
  app.use(spa('/admin', config.static.adminDir, true));
  app.use(async (ctx, next) => {
    if (ctx.path === '/') return ctx.redirect('/app/');
    await next();
  });

  return { app, services, routes: groups, routers: [root, api], openApi };
}

import { AppError, UnauthenticatedError, UnavailableError } from '../../http/errors';
import { ResidentModel } from '../residents/resident.model';
import type { TokenService } from './tokens';
import { WeChatError, type WeChatLoginClient } from './wechat.client';
import { isDuplicateKey } from '../../db';

export interface ResidentLogin {
  token: string;
  user: { id: string };
}

// WeChat's documented jscode2session errors, mapped to what the mini-program should tell the resident.
function mapWeChatError(e: WeChatError): AppError {
  switch (e.errcode) {
    case 40029:
    case 40163:
      return new UnauthenticatedError('WECHAT_CODE_INVALID', '登录已过期，请重试');
    case 45011:
      return new UnavailableError('WECHAT_RATE_LIMITED', '登录太频繁了，请稍等一分钟再试', 60);
    case 40226:
      return new AppError(403, 'WECHAT_USER_BLOCKED', '微信暂时限制了此账号的登录，请稍后再试');
    default:
      return new UnavailableError('WECHAT_UNAVAILABLE', '微信登录暂时不可用，请稍后再试', 5);
  }
}

export function createResidentAuthService(deps: { tokens: TokenService; wechat: WeChatLoginClient }) {
  async function loginByOpenid(openid: string): Promise<ResidentLogin> {
    const now = new Date();
    // Upsert keyed by the unique openid. Two concurrent first logins race on the unique index; the loser
    // gets a duplicate-key error and simply reads the winner's document.
    const upsert = () => ResidentModel.findOneAndUpdate(
      { openid },
      { $setOnInsert: { openid, createdAt: now }, $set: { lastLoginAt: now } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    const resident = await upsert().catch((e: unknown) => {
      if (isDuplicateKey(e)) return upsert();
      throw e;
    });
    if (!resident) throw new Error('resident upsert returned nothing');
    const id = String(resident._id);
    return { token: deps.tokens.signResident(id), user: { id } };
  }

  return {
    loginByOpenid,
    async loginWithWeChat(code: string): Promise<ResidentLogin> {
      let session;
      try {
        session = await deps.wechat.code2Session(code);
      } catch (e) {
        if (e instanceof WeChatError) throw mapWeChatError(e);
        throw new UnavailableError('WECHAT_UNAVAILABLE', '微信登录暂时不可用，请稍后再试', 5);
      }
      return loginByOpenid(session.openid);
    },
  };
}

export type ResidentAuthService = ReturnType<typeof createResidentAuthService>;

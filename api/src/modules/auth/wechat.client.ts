// A small real HTTP client for WeChat's jscode2session. The base URL is configurable so tests run it
// against a local fake server speaking the documented shapes. session_key is dropped here: we never need it
// and it must never reach a client.

export interface WeChatSession {
  openid: string;
  unionid?: string;
}

export class WeChatError extends Error {
  constructor(readonly errcode: number, readonly errmsg: string) {
    super(`WeChat error ${errcode}`);
  }
}

export class WeChatUnavailable extends Error {}

export interface WeChatLoginClient {
  code2Session(code: string): Promise<WeChatSession>;
}

interface Options {
  apiBase: string;
  appid: string | undefined;
  secret: string | undefined;
  timeoutMs?: number;
  retries?: number;
}

const RETRYABLE = new Set([-1]); // "system busy": WeChat asks callers to retry

export function createWeChatLoginClient({ apiBase, appid, secret, timeoutMs = 5000, retries = 1 }: Options): WeChatLoginClient {
  return {
    async code2Session(code) {
      if (!appid || !secret) throw new WeChatUnavailable('WECHAT_APPID/WECHAT_SECRET not configured');
      const url = new URL(apiBase + '/sns/jscode2session');
      url.search = new URLSearchParams({ appid, secret, js_code: code, grant_type: 'authorization_code' }).toString();
      for (let attempt = 0; ; attempt++) {
        let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
          if (!res.ok) throw new WeChatUnavailable(`HTTP ${res.status}`);
          body = (await res.json()) as typeof body;
        } catch (e) {
          if (attempt < retries) continue;
          throw e instanceof WeChatUnavailable ? e : new WeChatUnavailable((e as Error).name);
        }
        if (body.errcode && body.errcode !== 0) {
          if (RETRYABLE.has(body.errcode) && attempt < retries) continue;
          throw new WeChatError(body.errcode, body.errmsg ?? '');
        }
        if (typeof body.openid !== 'string' || !body.openid) throw new WeChatUnavailable('no openid in response');
        return { openid: body.openid, ...(body.unionid ? { unionid: body.unionid } : {}) };
      }
    },
  };
}

// Subscribe messages (security-privacy.md §3.3): POST /cgi-bin/message/subscribe/send?access_token=…
// 43101 (the user refused, or the one-time credit is used up) is an expected answer, not an error: it comes back as
// { status: 'refused' } and is never retried. Other errcodes are typed errors; token errors are retried once by
// withAccessToken. The message content and the token are never put in error messages.
import { TOKEN_INVALID_CODES, WeChatError, WeChatUnavailable, type AccessTokenClient } from './access-token.client';

export type TemplateData = Record<string, { value: string }>;

export interface SubscribeMessage {
  openid: string;
  templateId: string;
  page?: string;
  data: TemplateData;
}

export type SendResult = { status: 'sent' } | { status: 'refused' };

export type SubscribeErrorKind = 'bad_data' | 'bad_template' | 'bad_openid' | 'bad_page' | 'other';

const KINDS: Record<number, SubscribeErrorKind> = { 47003: 'bad_data', 40037: 'bad_template', 40003: 'bad_openid', 41030: 'bad_page' };

export class SubscribeMessageError extends WeChatError {
  readonly kind: SubscribeErrorKind;
  constructor(errcode: number, errmsg: string) {
    super(errcode, errmsg);
    this.kind = KINDS[errcode] ?? 'other';
  }
}

export interface SubscribeMessageClient {
  send(message: SubscribeMessage): Promise<SendResult>;
}

interface Options {
  apiBase: string;
  tokens: AccessTokenClient;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  timeoutMs?: number;
}

export function createSubscribeMessageClient({ apiBase, tokens, miniprogramState = 'formal', timeoutMs = 5000 }: Options): SubscribeMessageClient {
  return {
    send({ openid, templateId, page, data }) {
      return tokens.withAccessToken(async (token) => {
        const url = `${apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`;
        let body: { errcode?: number; errmsg?: string };
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json; charset=utf-8' },
            body: JSON.stringify({ touser: openid, template_id: templateId, ...(page ? { page } : {}), data, miniprogram_state: miniprogramState, lang: 'zh_CN' }),
            signal: AbortSignal.timeout(timeoutMs),
          });
          if (!res.ok) throw new WeChatUnavailable(`subscribe/send HTTP ${res.status}`);
          body = (await res.json()) as typeof body;
        } catch (e) {
          throw e instanceof WeChatUnavailable ? e : new WeChatUnavailable(`subscribe/send ${(e as Error).name}`);
        }
        const errcode = body.errcode ?? 0;
        if (errcode === 0) return { status: 'sent' } as const;
        if (errcode === 43101) return { status: 'refused' } as const;
        // Plain WeChatError for token codes so withAccessToken refreshes; typed errors for the rest.
        if (TOKEN_INVALID_CODES.has(errcode)) throw new WeChatError(errcode, body.errmsg ?? '');
        throw new SubscribeMessageError(errcode, body.errmsg ?? '');
      });
    },
  };
}

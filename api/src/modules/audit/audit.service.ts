import type { Context } from 'koa';
import { AuditEventModel } from './audit-event.model';

export interface AuditEntry {
  actor: string;
  role?: string | undefined;
  action: string;
  target?: string | undefined;
  result: 'success' | 'failure' | 'denied';
  detail?: Record<string, unknown>;
}

export interface AuditService {
  record(ctx: Context | undefined, entry: AuditEntry): Promise<void>;
}

export function createAuditService(): AuditService {
  return {
    async record(ctx, entry) {
      await AuditEventModel.create({ ...entry, ip: ctx?.ip, requestId: ctx?.state.requestId });
    },
  };
}

import { Schema, model, type InferSchemaType } from 'mongoose';

// Append-only record of security events (MLPS 安全审计): who, when, what, on what, with which result.
// No route updates or deletes these documents.
const auditEventSchema = new Schema(
  {
    at: { type: Date, required: true, default: () => new Date() },
    actor: { type: String, required: true }, // 'staff:<id>', 'resident:<id>', 'anonymous' or 'system'
    role: { type: String },
    action: { type: String, required: true }, // e.g. auth.login, auth.lockout, auth.refresh_reuse, access.denied
    target: { type: String },
    result: { type: String, enum: ['success', 'failure', 'denied'], required: true },
    ip: { type: String },
    requestId: { type: String },
    detail: { type: Schema.Types.Mixed },
  },
  { versionKey: false, collection: 'audit_events' },
);
// Audit review reads newest first by actor or action.
auditEventSchema.index({ actor: 1, at: -1 });
auditEventSchema.index({ action: 1, at: -1 });

export type AuditEvent = InferSchemaType<typeof auditEventSchema>;
export const AuditEventModel = model('AuditEvent', auditEventSchema);

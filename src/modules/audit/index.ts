/** The audit module's face: what other modules may import. Everything else in this folder is private to it. */
export * from './entities.api';
export { actorOf } from './actor';
export { auditInsertParams, auditInsertSql, type AuditInsertSource } from './audit.repository';
export { hasTombstone, redactAuditEvents, type ErasedRecords } from './audit-redaction.repository';
export { auditEventRow, auditEventValues, diff, postingConfidentialityChanged, purgeAuditEvents, recordAudit, type AuditEntry } from './audit.service';

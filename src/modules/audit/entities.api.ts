/**
 * The audit module's entities, for other modules' entities and relations. Kept apart
 * from index.ts so an entity can import it without pulling in services (which import
 * other modules' entities back).
 */
export { ActorRef } from './actor';
export { ActorType, AuditEvent } from './audit-event.entity';

import { hasRoleAtLeast, type UserRole } from '@/lib/domain/enums';
import { DomainError, unauthorized } from '../errors';

/** The signed-in, active user on whose behalf a service runs. */
export type Actor = { id: number; name: string; email: string; role: UserRole };

/** Services check roles themselves too, so a procedure declared with the wrong builder still cannot leak. */
export function requireRole(actor: Actor | null, required: UserRole): Actor {
  if (!actor) throw unauthorized();
  if (!hasRoleAtLeast(actor.role, required)) {
    throw new DomainError('FORBIDDEN', `This needs the ${required} role; you are signed in as a ${actor.role}.`);
  }
  return actor;
}

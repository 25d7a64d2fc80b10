'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { USER_ROLES, type UserRole } from '@/lib/domain/enums';
import { describeMutationError } from '../../_components/mutation-error';
import { useTRPC } from '../../_trpc/client';

type Row = { id: number; name: string; role: UserRole; isActive: boolean; version: number };

export function UserRowActions({ user, isSelf }: { user: Row; isSelf: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const changeRole = useMutation(trpc.users.changeRole.mutationOptions({ onSuccess }));
  const setActive = useMutation(trpc.users.setActive.mutationOptions({ onSuccess }));
  const error = changeRole.error ?? setActive.error;
  const isBusy = changeRole.isPending || setActive.isPending;

  return (
    <div className="row-actions">
      <label htmlFor={`role-${user.id}`} className="visually-hidden">
        Role of {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        value={user.role}
        disabled={isBusy}
        onChange={(event) =>
          changeRole.mutate({ userId: user.id, version: user.version, role: event.target.value as UserRole })
        }
      >
        {USER_ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      {isSelf ? null : (
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={isBusy}
          onClick={() => setActive.mutate({ userId: user.id, version: user.version, isActive: !user.isActive })}
        >
          {user.isActive ? `Deactivate ${user.name}` : `Reactivate ${user.name}`}
        </button>
      )}
      {error ? (
        <p role="alert" className="field-error">
          {describeMutationError(error).message}
        </p>
      ) : null}
    </div>
  );
}

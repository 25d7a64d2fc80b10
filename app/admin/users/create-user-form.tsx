'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { USER_ROLES } from '@/lib/domain/enums';
import { describeMutationError } from '../../_components/mutation-error';
import { useTRPC } from '../../_trpc/client';

export function CreateUserForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const createUser = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess(user) {
        setCreated(`${user.name} can now sign in as ${user.email}.`);
        setFormKey((key) => key + 1);
        router.refresh();
      },
    }),
  );
  const failure = createUser.error ? describeMutationError(createUser.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setCreated(null);
    createUser.mutate({
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      role: String(data.get('role') ?? 'reviewer') as (typeof USER_ROLES)[number],
      password: String(data.get('password') ?? ''),
    });
  }

  const fieldError = (name: string) => {
    const message = failure?.fieldErrors[name]?.[0];
    return message ? (
      <p id={`new-user-${name}-error`} className="field-error">
        {message}
      </p>
    ) : null;
  };
  const describedBy = (name: string) => (failure?.fieldErrors[name]?.[0] ? `new-user-${name}-error` : undefined);

  return (
    <form key={formKey} onSubmit={onSubmit} className="form" aria-label="Add a user" noValidate>
      {failure ? (
        <p role="alert" className="form-error">
          {failure.message}
        </p>
      ) : null}
      {created ? (
        <p role="status" className="form-success">
          {created}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="new-user-name">Name</label>
        <input id="new-user-name" name="name" required aria-describedby={describedBy('name')} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor="new-user-email">Email</label>
        <input id="new-user-email" name="email" type="email" required aria-describedby={describedBy('email')} />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor="new-user-role">Role</label>
        <select id="new-user-role" name="role" defaultValue="reviewer">
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-user-password">Initial password</label>
        <input
          id="new-user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby={describedBy('password')}
        />
        {fieldError('password')}
      </div>
      <button type="submit" className="button" disabled={createUser.isPending}>
        {createUser.isPending ? 'Adding…' : 'Add user'}
      </button>
    </form>
  );
}

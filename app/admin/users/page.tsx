import type { Metadata } from 'next';
import { requireSignedInUser } from '../../_components/require-user';
import { isTrpcErrorCode } from '../../_components/trpc-errors';
import { CreateUserForm } from './create-user-form';
import { UserRowActions } from './user-row-actions';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminUsersPage() {
  const { user, caller } = await requireSignedInUser('/admin/users');
  let users;
  try {
    users = await caller.users.list();
  } catch (error) {
    if (!isTrpcErrorCode(error, 'FORBIDDEN')) throw error;
    return (
      <section aria-labelledby="forbidden-heading">
        <h1 id="forbidden-heading">Not allowed</h1>
        <p>Only admins can manage users. You are signed in as {user.role === 'editor' ? 'an' : 'a'} {user.role}.</p>
      </section>
    );
  }
  return (
    <>
      <h1>Users</h1>
      <table className="table">
        <caption className="visually-hidden">Desk users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((row) => (
            <tr key={row.id}>
              <td>{row.name}</td>
              <td>{row.email}</td>
              <td>{row.role}</td>
              <td>{row.isActive ? 'Active' : 'Deactivated'}</td>
              <td>
                <UserRowActions user={row} isSelf={row.id === user.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a user</h2>
      <CreateUserForm />
    </>
  );
}

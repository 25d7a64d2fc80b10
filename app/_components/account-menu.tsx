import Link from 'next/link';

export type AccountMenuUser = { name: string; email: string; role: string } | null;

/** Who is signed in, with the way out. A native disclosure, so it works with the keyboard and without JavaScript. */
export function AccountMenu({ user }: { user: AccountMenuUser }) {
  if (!user) {
    return (
      <Link href="/sign-in" className="button button-secondary">
        Sign in
      </Link>
    );
  }
  return (
    <details className="account-menu">
      <summary aria-label={`Account menu for ${user.name}`}>
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="account-name">{user.name}</span>
      </summary>
      <div className="account-menu-panel">
        <p>
          Signed in as <strong>{user.name}</strong>
          <br />
          <span className="muted">{user.email}</span>
          <br />
          <span className="role-badge">{user.role}</span>
        </p>
        <ul>
          <li>
            <Link href="/desk">Desk</Link>
          </li>
          {user.role !== 'reviewer' ? (
            <li>
              <Link href="/desk/review">Review queue</Link>
            </li>
          ) : null}
          {user.role === 'admin' ? (
            <>
              <li>
                <Link href="/admin/users">Users</Link>
              </li>
              <li>
                <Link href="/admin/settings">Settings</Link>
              </li>
            </>
          ) : null}
          <li>
            <Link href="/sign-out">Sign out</Link>
          </li>
        </ul>
      </div>
    </details>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

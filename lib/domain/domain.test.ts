import { describe, expect, it } from 'vitest';
import { hasRoleAtLeast, USER_ROLES } from './enums';

describe('hasRoleAtLeast', () => {
  it('orders reviewer < editor < admin', () => {
    expect(hasRoleAtLeast('reviewer', 'reviewer')).toBe(true);
    expect(hasRoleAtLeast('reviewer', 'editor')).toBe(false);
    expect(hasRoleAtLeast('editor', 'reviewer')).toBe(true);
    expect(hasRoleAtLeast('editor', 'admin')).toBe(false);
    expect(hasRoleAtLeast('admin', 'editor')).toBe(true);
  });

  it('grants every role its own level', () => {
    for (const role of USER_ROLES) expect(hasRoleAtLeast(role, role)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { forgetSession, isLogoutPending, markLogoutPending, rememberedSession, rememberSession } from './offline-session';

describe('remembered session', () => {
  it('remembers a name and roles, never a token, until forgotten', () => {
    expect(rememberedSession()).toBeUndefined();
    rememberSession('staff', ['staff']);
    expect(rememberedSession()).toMatchObject({ username: 'staff', roles: ['staff'] });
    expect(JSON.stringify(localStorage)).not.toMatch(/token/i);
    forgetSession();
    expect(rememberedSession()).toBeUndefined();
  });

  it('ignores what it did not write', () => {
    localStorage.setItem('grandjour.session', '{"username": 3}');
    expect(rememberedSession()).toBeUndefined();
    localStorage.setItem('grandjour.session', 'not json');
    expect(rememberedSession()).toBeUndefined();
  });

  it('remembers a logout made offline, for Keycloak once online', () => {
    expect(isLogoutPending()).toBe(false);
    markLogoutPending(true);
    expect(isLogoutPending()).toBe(true);
    markLogoutPending(false);
    expect(isLogoutPending()).toBe(false);
  });
});

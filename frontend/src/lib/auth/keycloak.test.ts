import { realmEndpoints } from './keycloak';

describe('realmEndpoints', () => {
  it("gives the realm's OpenID Connect endpoints, as in its discovery document", () => {
    expect(realmEndpoints('http://127.0.0.1:8180/', 'grandjour')).toEqual({
      authorization_endpoint: 'http://127.0.0.1:8180/realms/grandjour/protocol/openid-connect/auth',
      token_endpoint: 'http://127.0.0.1:8180/realms/grandjour/protocol/openid-connect/token',
      end_session_endpoint: 'http://127.0.0.1:8180/realms/grandjour/protocol/openid-connect/logout',
      userinfo_endpoint: 'http://127.0.0.1:8180/realms/grandjour/protocol/openid-connect/userinfo',
    });
  });

  it('keeps a path prefix of the Keycloak URL and escapes the realm name', () => {
    expect(realmEndpoints('https://id.example.org/auth', 'grand jour').token_endpoint).toBe(
      'https://id.example.org/auth/realms/grand%20jour/protocol/openid-connect/token',
    );
  });
});

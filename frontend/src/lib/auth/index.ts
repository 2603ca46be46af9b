export { AuthContext, useAuth, type Auth, type AuthState, type AuthStatus } from './auth-context';
export { AuthProvider } from './auth-provider';

/**
 * Sign-in settings from the environment (documented in the README, "Sign-in and roles").
 *   AUTH              none (default: one person on this machine, loopback only) | oidc
 *   AUTH_ISSUERS      council=issuer URL pairs, comma-separated: the allow-list of directories
 *   AUTH_CLIENT_ID, AUTH_CLIENT_SECRET   the app registration
 *   AUTH_REDIRECT_URL https://host/auth/callback
 *   AUTH_ROLES_CLAIM  the token claim that holds roles (default "roles")
 *   AUTH_REGION       the name a region-wide role is scoped by (default "region")
 *   AUTH_SESSION_HOURS  a session's life (default 8)
 *   AUTH_API_AUDIENCE the audience of bearer tokens for the JSON API (default the client id)
 *   SESSION_SECRET    signs the session cookie (required with oidc)
 */
export interface IssuerSetting {
  /** The council (or "region") whose directory this is, as in scoped roles: "bridgend". */
  council: string;
  /** The issuer URL exactly as tokens name it. */
  issuer: string;
}

export interface OidcSettings {
  mode: 'oidc';
  issuers: IssuerSetting[];
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  rolesClaim: string;
  region: string;
  sessionSeconds: number;
  apiAudience: string;
  sessionSecret: string;
  /** Allow plain-http issuers (tests against a provider on loopback only). */
  allowHttpIssuers: boolean;
}

export type AuthSettings = { mode: 'none' } | OidcSettings;

export type Env = Readonly<Record<string, string | undefined>>;

/** Settings, or the list of what is wrong with them (each a sentence for the operator). */
export function authSettingsFromEnv(env: Env): { ok: true; settings: AuthSettings } | { ok: false; errors: string[] } {
  const mode = (env.AUTH ?? 'none').trim().toLowerCase();
  if (mode === 'none' || mode === '') return { ok: true, settings: { mode: 'none' } };
  if (mode !== 'oidc') return { ok: false, errors: [`AUTH must be "none" or "oidc", got "${env.AUTH}"`] };
  const errors: string[] = [];
  const issuers: IssuerSetting[] = [];
  for (const pair of (env.AUTH_ISSUERS ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const at = pair.indexOf('=');
    const council = pair.slice(0, at).trim().toLowerCase();
    const issuer = pair.slice(at + 1).trim();
    if (at <= 0 || !/^[a-z0-9-]+$/.test(council) || !URL.canParse(issuer))
      errors.push(`AUTH_ISSUERS: "${pair}" is not council=https://issuer`);
    else issuers.push({ council, issuer });
  }
  if (issuers.length === 0) errors.push('AUTH_ISSUERS must list at least one council=issuer URL');
  const required = (key: string): string => {
    const value = env[key]?.trim() ?? '';
    if (value === '') errors.push(`${key} must be set when AUTH=oidc`);
    return value;
  };
  const clientId = required('AUTH_CLIENT_ID');
  const clientSecret = required('AUTH_CLIENT_SECRET');
  const redirectUrl = required('AUTH_REDIRECT_URL');
  const sessionSecret = required('SESSION_SECRET');
  if (sessionSecret !== '' && sessionSecret.length < 32) errors.push('SESSION_SECRET must be at least 32 characters');
  const hours = Number(env.AUTH_SESSION_HOURS ?? 8);
  if (!(hours > 0 && hours <= 24 * 30)) errors.push('AUTH_SESSION_HOURS must be a number of hours from 0 to 720');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      mode: 'oidc',
      issuers,
      clientId,
      clientSecret,
      redirectUrl,
      rolesClaim: env.AUTH_ROLES_CLAIM?.trim() || 'roles',
      region: (env.AUTH_REGION?.trim() || 'region').toLowerCase(),
      sessionSeconds: Math.round(hours * 3600),
      apiAudience: env.AUTH_API_AUDIENCE?.trim() || clientId,
      sessionSecret,
      allowHttpIssuers: false,
    },
  };
}

/**
 * Why the server must not start, or null: without sign-in it serves one person on this machine,
 * so it listens on a loopback address only.
 */
export function listenRefusal(settings: AuthSettings, host: string): string | null {
  const loopback = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host.toLowerCase()) || host.startsWith('127.');
  if (settings.mode === 'none' && !loopback) {
    return `Refusing to listen on ${host} without sign-in: with AUTH=none anyone who can reach this address could change scenarios. Set AUTH=oidc (see the README, "Sign-in and roles") or leave HOST unset to listen on 127.0.0.1 only.`;
  }
  return null;
}

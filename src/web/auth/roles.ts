/**
 * Roles, from least to most: viewer (board member: read, run what-ifs, download), editor
 * (commissioning manager: save scenarios), approver (finance officer: sign off a run), admin
 * (restore, audit log). Each role includes the ones before it.
 */
export const ROLES = ['viewer', 'editor', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What a route asks for: anyone (public), or at least a role. */
export type Access = 'public' | Role;

/** A signed-in person, as the session holds them. */
export interface SignedInUser {
  /** Issuer and subject: unique across the councils' directories. */
  id: string;
  /** The name people read in history and the audit log. */
  name: string;
  /** The council whose directory signed them in ("local" without sign-in). */
  council: string;
  /** The highest role they hold for this tool; null for none. */
  role: Role | null;
  /** When the session ends (milliseconds since 1970). */
  expiresAt: number;
}

/** True when `role` is at least `needed`. @example roleAtLeast('approver', 'editor') // true */
export function roleAtLeast(role: Role | null, needed: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** May this person (or nobody) use a route that asks for `access`? */
export function allowed(user: SignedInUser | undefined, access: Access): boolean {
  return access === 'public' || (user !== undefined && roleAtLeast(user.role, access));
}

/**
 * The highest role in a token's claim. Values are a role ("editor", for the whole region) or a
 * role for one scope ("region.editor", "bridgend.approver"): a scoped role counts when the scope is
 * the region's name or the council whose directory signed the person in, so one council's
 * directory cannot hand out roles for another council.
 * @example roleFromClaim(['viewer', 'bridgend.approver'], 'bridgend', 'region') // 'approver'
 * @example roleFromClaim(['rhondda-cynon-taf.admin'], 'bridgend', 'region') // null
 */
export function roleFromClaim(claim: unknown, council: string, region: string): Role | null {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  let best: Role | null = null;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const at = value.lastIndexOf('.');
    const scope = at < 0 ? region : value.slice(0, at).toLowerCase();
    const role = (at < 0 ? value : value.slice(at + 1)).toLowerCase() as Role;
    if (!ROLES.includes(role) || (scope !== region && scope !== council)) continue;
    if (best === null || roleAtLeast(role, best)) best = role;
  }
  return best;
}

/** The signed-in user's token, kept in localStorage so a reload keeps the session. */
export type Role = 'admin' | 'coordinator' | 'master_teacher' | 'viewer';

export interface Session {
  token: string;
  userId: string;
  email: string;
  role: Role;
  personId: string | null;
  expiresAt: number;
}

const KEY = 'cascade.token';
const listeners = new Set<() => void>();
let current: Session | null = read();

function decode(token: string): Session | null {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))),
    ) as {
      sub: string;
      email: string;
      role: Role;
      personId?: string | null;
      exp?: number;
    };
    const expiresAt = (claims.exp ?? Number.MAX_SAFE_INTEGER / 1000) * 1000;
    if (expiresAt <= Date.now()) return null;
    return {
      token,
      userId: claims.sub,
      email: claims.email,
      role: claims.role,
      personId: claims.personId ?? null,
      expiresAt,
    };
  } catch {
    return null;
  }
}

function read(): Session | null {
  const token = localStorage.getItem(KEY);
  return token ? decode(token) : null;
}

function publish(next: Session | null): void {
  current = next;
  listeners.forEach((listener) => listener());
}

export const session = {
  get: (): Session | null => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(token: string): Session {
    const next = decode(token);
    if (!next) throw new Error('the server sent an unreadable token');
    localStorage.setItem(KEY, token);
    publish(next);
    return next;
  },
  signOut(): void {
    localStorage.removeItem(KEY);
    publish(null);
  },
};

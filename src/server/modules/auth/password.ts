import { hash, verify } from '@node-rs/argon2';

// Argon2id with the library's defaults (OWASP-recommended parameters); see docs/decisions/0002-auth.md
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './db/data-dir-lock';

// Serving the built web app is tested in http/web-assets.test.ts.

describe('data directory lock', () => {
  it('refuses a second server on the same embedded database and takes over a stale lock', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rl-lock-'));
    writeFileSync(path.join(dir, 'server.pid'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(/Another Residence Link server/);
    writeFileSync(path.join(dir, 'server.pid'), '999999999'); // gone
    const release = lockDataDir(dir);
    release();
    rmSync(dir, { recursive: true, force: true });
  });
});

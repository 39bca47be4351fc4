// Test helpers for "the secret is never on disk in plain text": a reversible fake of Electron's safeStorage, and a
// scan of every file under a folder for a secret in the forms it could take (as is, base64, JSON-escaped).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorageLike } from '../safe-storage-secret-store';

/** Files under `dir`, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

/** The files under `dir` that contain `secret` as is, in base64, or hex. */
export async function filesContaining(dir: string, secret: string): Promise<string[]> {
  const forms = [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex'), JSON.stringify(secret).slice(1, -1)];
  const hits: string[] = [];
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file);
    const text = bytes.toString('utf8');
    if (forms.some((f) => text.includes(f) || bytes.includes(Buffer.from(f)))) hits.push(file);
  }
  return hits;
}

/** A safeStorage stand-in: XOR with a key byte behind a marker, so the output never contains the input. */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend: string | undefined = undefined;
  failDecrypt = false;
  encryptions = 0;

  isEncryptionAvailable(): boolean {
    return this.available;
  }

  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    this.encryptions += 1;
    const bytes = Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a);
    return Buffer.concat([Buffer.from('v10'), bytes]);
  }

  decryptString(encrypted: Buffer): string {
    if (this.failDecrypt || !encrypted.subarray(0, 3).equals(Buffer.from('v10'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
  }

  getSelectedStorageBackend(): string {
    return this.backend ?? 'gnome_libsecret';
  }
}

import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number, options: object) => Promise<Buffer>;

/** scrypt's cost (N = 2^15, r = 8, p = 1: OWASP's recommendation), and the hash's length in bytes. */
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const LENGTH = 32;

/** An editor's name: what git records as the author of their saves, and what they type to log in. */
export const editorName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit');

const account = z.object({
  name: editorName,
  /** scrypt of the password, hex, with its salt. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  /** When the account was added (ISO 8601). */
  added: z.string(),
  /**
   * A random value a session carries: a session whose value is not the account's is over. Removing
   * the account ends every session of its editor; adding the editor again starts a new value.
   */
  epoch: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Account = z.infer<typeof account>;
const accountsFile = z.object({ accounts: z.array(account) });

/** The accounts in `file`; none when it does not exist. A file that is not an accounts file is an error, never an empty list. */
export function readAccounts(file: string): Account[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const parsed = accountsFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file} is not a newsroom accounts file: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`);
  return parsed.data.accounts;
}

/** Writes the accounts all at once (a temporary file renamed over the old one), readable by its owner only. */
function writeAccounts(file: string, accounts: Account[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ accounts }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

async function hashOf(password: string, salt: Buffer): Promise<Buffer> {
  return scrypt(password.normalize('NFC'), salt, LENGTH, COST);
}

/** Adds an editor, or gives an existing one a new password (which ends their sessions). */
export async function addAccount(file: string, name: string, password: string): Promise<'added' | 'changed'> {
  editorName.parse(name);
  if (password.length < 12) throw new Error('the password must be at least 12 characters long');
  const salt = randomBytes(16);
  const next: Account = {
    name,
    salt: salt.toString('hex'),
    hash: (await hashOf(password, salt)).toString('hex'),
    added: new Date().toISOString(),
    epoch: randomBytes(8).toString('hex'),
  };
  const accounts = readAccounts(file);
  const known = accounts.some((a) => a.name === name);
  writeAccounts(file, [...accounts.filter((a) => a.name !== name), next]);
  return known ? 'changed' : 'added';
}

/** Removes an editor; their sessions end with the account. Returns whether there was one. */
export function removeAccount(file: string, name: string): boolean {
  const accounts = readAccounts(file);
  const rest = accounts.filter((a) => a.name !== name);
  if (rest.length === accounts.length) return false;
  writeAccounts(file, rest);
  return true;
}

/** A hash to compare against when the name is unknown, so a wrong name takes as long as a wrong password. */
const decoy = { salt: randomBytes(16), hash: randomBytes(LENGTH) };

/** The account whose password this is, or undefined (in the same time whether the name or the password is wrong). */
export async function verify(file: string, name: string, password: string): Promise<Account | undefined> {
  const found = readAccounts(file).find((a) => a.name === name);
  const salt = found ? Buffer.from(found.salt, 'hex') : decoy.salt;
  const expected = found ? Buffer.from(found.hash, 'hex') : decoy.hash;
  const actual = await hashOf(password, salt);
  return timingSafeEqual(actual, expected) && found ? found : undefined;
}

import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB memory, 2 passes): OWASP's recommended minimum, tens of ms per hash.
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

// Spent on unknown usernames so that a wrong username takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash('xinan-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

const COMMON_PASSWORDS = new Set([
  'password1234', '123456789012', 'qwertyuiop12', 'admin1234567', 'xinan1234567', '1qaz2wsx3edc', 'passw0rd1234',
]);

/** Staff password policy (MLPS 身份鉴别 a, ASVS 2.1): returns a Chinese reason, or null when acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 12) return '密码至少需要12位';
  if (password.length > 128) return '密码不能超过128位';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三类';
  if (password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return '这个密码太常见了，请换一个';
  return null;
}

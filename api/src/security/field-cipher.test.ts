import crypto from 'node:crypto';
import { createFieldCipher } from './field-cipher';

const key = crypto.randomBytes(32).toString('base64');

describe('field cipher', () => {
  test('round-trips, and the same text seals differently each time', () => {
    const c = createFieldCipher(key);
    const a = c.seal('[0,1,2,3]');
    const b = c.seal('[0,1,2,3]');
    expect(a.ct).not.toBe(b.ct);
    expect(c.open(a)).toBe('[0,1,2,3]');
  });

  test('tampering or a different key is detected, never decrypted to garbage', () => {
    const c = createFieldCipher(key);
    const sealed = c.seal('13800138000');
    const flipped = Buffer.from(sealed.ct, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => c.open({ ...sealed, ct: flipped.toString('base64') })).toThrow();
    expect(() => createFieldCipher(crypto.randomBytes(32).toString('base64')).open(sealed)).toThrow();
  });

  test('refuses keys of the wrong size', () => {
    expect(() => createFieldCipher(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

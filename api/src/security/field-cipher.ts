import crypto from 'node:crypto';
import { Schema } from 'mongoose';

// Field-level encryption for sensitive personal information at rest (answers, phone numbers): AES-256-GCM with a
// random 96-bit IV per value. The key id is stored with each value so keys can be rotated.

export interface Sealed {
  kid: string;
  iv: string;
  tag: string;
  ct: string;
}

export interface FieldCipher {
  seal(plain: string): Sealed;
  open(sealed: Sealed): string;
}

export function createFieldCipher(keyBase64: string, kid = 'k1'): FieldCipher {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  return {
    seal(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return { kid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
    },
    open(sealed) {
      if (sealed.kid !== kid) throw new Error(`unknown encryption key id ${sealed.kid}`);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** How a sealed value is stored inside a Mongoose document. */
export const sealedFieldSchema = new Schema({ kid: String, iv: String, tag: String, ct: String }, { _id: false });

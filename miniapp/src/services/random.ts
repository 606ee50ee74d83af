/** Random bytes from crypto.getRandomValues (weapp base library and browsers), Math.random only as a last resort. */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  const cryptoApi = typeof globalThis.crypto?.getRandomValues === 'function' ? globalThis.crypto : null
  if (cryptoApi) {
    cryptoApi.getRandomValues(bytes)
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  }
  return bytes
}

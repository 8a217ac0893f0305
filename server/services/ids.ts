/**
 * Random, unguessable ids with a readable prefix: `ven-3f9a1c0b2d4e`. Web Crypto (global in Node 20 and browsers),
 * so the import planner that uses it also runs in the msw handlers of the offline demo.
 */
export const newId = (prefix: 'ven' | 'inc') =>
  `${prefix}-${Array.from(crypto.getRandomValues(new Uint8Array(6)), (byte) => byte.toString(16).padStart(2, '0')).join('')}`

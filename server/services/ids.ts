import { randomBytes } from 'node:crypto'

/** Random, unguessable ids with a readable prefix: `ven-3f9a1c0b2d4e`. */
export const newId = (prefix: 'ven' | 'inc') => `${prefix}-${randomBytes(6).toString('hex')}`

/**
 * The risk map worker's first import. Workers do not run public/zod-config.js, and the CSP forbids eval, so zod is
 * told here, before any schema is built (zod decides per object schema when it is built), never to try it.
 */
import { z } from 'zod'

z.config({ jitless: true })

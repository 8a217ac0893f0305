// Loaded by index.html before the app's modules. The CSP forbids eval, so zod's compiled parsers can never run in
// the page; without `jitless`, zod still probes with `new Function` when it builds its first object schema, and
// the browser reports that probe as a CSP violation. Same parsing, and violation reports only for real ones.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })

// One module resolution hook, loaded by src/preflight.mjs (so by every npm script) before
// any of the registry's code. Node's ES module resolver, for every module it loads from a
// package, reads that package's package.json and (Node 24.21) parses its whole "exports"
// map again. drizzle-orm's package.json is 179 KB, and the server loads about 110 of its
// modules: some 150 MB of short-lived objects and 300 ms of every start went to parsing the
// same file (docs/performance.md, "Memory"). drizzle-orm ships ES modules only under
// "type": "module", so a relative `.js` import inside it is the file it names: this hook
// answers those from the URL alone and passes everything else to Node unchanged.
// Plain JavaScript, like src/preflight.mjs; a Node without module.registerHooks skips it.
import * as nodeModule from 'node:module';

const drizzle = '/node_modules/drizzle-orm/';

nodeModule.registerHooks?.({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.includes(drizzle) && context.conditions?.includes('import')) {
      const url = new URL(specifier, context.parentURL).href;
      if (url.includes(drizzle)) return { url, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});

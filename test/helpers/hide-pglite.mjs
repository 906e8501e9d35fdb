// `node --import ./test/helpers/hide-pglite.mjs …`: the process resolves @electric-sql/pglite as
// an install made with `npm ci --omit=optional` would, as a package that is not there.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    if (specifier === '@electric-sql/pglite' || specifier.startsWith('@electric-sql/pglite/')) {
      throw Object.assign(new Error(`Cannot find package '${specifier}' imported from ${context.parentURL}`), { code: 'ERR_MODULE_NOT_FOUND' });
    }
    return next(specifier, context);
  },
});

import { notFound } from '../../lib/errors.ts';

// The same code as an unknown signal, so a reach request tells a stranger nothing about whether the signal exists.
export const reachNotFound = (id: string) => notFound({ code: 'signals.not_found', detail: `No signal ${id} that you issued.` });

/**
 * A readiness check that knows why it is not ready: /readyz answers 503 with this message as
 * the problem's detail instead of "<check> is not reachable".
 */
export class NotReadyError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'NotReadyError';
  }
}

/**
 * How often the audit log is signed while it grows: the worker's checkpoint signer signs a
 * Merkle checkpoint this often, and a read of the chain head signs a new head once the last
 * is this old. An auditor always finds a signature at most about this old.
 */
export const SIGNING_INTERVAL_MS = 60_000;

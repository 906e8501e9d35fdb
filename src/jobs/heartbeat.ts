import { writeFile } from 'node:fs/promises';

/**
 * WORKER_HEARTBEAT_FILE: the time, written after every sweep that reached the database, so a
 * health check (docker-compose.yml) can tell from the file's age whether the workers are alive.
 * A file it cannot write is warned about once, not at every sweep.
 */
export function createHeartbeat(file: string, log: { warn(obj: object, msg: string): void }) {
  let failing = false;
  return async (): Promise<void> => {
    try {
      await writeFile(file, `${new Date().toISOString()}\n`);
      failing = false;
    } catch (error) {
      if (!failing) log.warn({ err: error, file }, 'cannot write WORKER_HEARTBEAT_FILE; a health check reading it will fail');
      failing = true;
    }
  };
}

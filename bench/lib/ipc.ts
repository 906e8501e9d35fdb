import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { peakRssMb, repoRoot } from './proc.ts';

/** A helper process spoken to over IPC: send a message, wait for a reply of a given type. */
export interface Helper {
  child: ChildProcess;
  send(message: unknown): void;
  /** The next message of `type` (and matching `where`), or an error after `timeoutMs`. */
  next<T = any>(type: string, timeoutMs: number, where?: (m: any) => boolean): Promise<T>;
  ask<T = any>(message: unknown, replyType: string, timeoutMs: number): Promise<T>;
  peakRssMb(): number | null;
  close(): Promise<void>;
}

export function startHelper(script: string): Helper {
  const child = fork(join(repoRoot, script), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting: Array<{ type: string; where: (m: any) => boolean; resolve: (m: any) => void }> = [];
  const early: any[] = [];
  child.on('message', (m: any) => {
    const i = waiting.findIndex((w) => w.type === m.type && w.where(m));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(m);
    else early.push(m);
    // Keep at most the last few unclaimed messages.
    if (early.length > 100) early.shift();
  });
  const next = <T>(type: string, timeoutMs: number, where: (m: any) => boolean = () => true) =>
    new Promise<T>((resolve, reject) => {
      const j = early.findIndex((m) => m.type === type && where(m));
      if (j >= 0) {
        resolve(early.splice(j, 1)[0]);
        return;
      }
      const entry = {
        type,
        where,
        resolve: (m: T) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        const k = waiting.indexOf(entry);
        if (k >= 0) waiting.splice(k, 1);
        reject(new Error(`${script}: no '${type}' message within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.push(entry);
    });
  return {
    child,
    send: (message) => child.send(message as object),
    next,
    ask: <T>(message: unknown, replyType: string, timeoutMs: number) => {
      const reply = next<T>(replyType, timeoutMs);
      child.send(message as object);
      return reply;
    },
    peakRssMb: () => peakRssMb(child.pid),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

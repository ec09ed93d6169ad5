/** Where job records live: one interface, a crash-safe file store by default. */
import type { Job } from './job.js';

export interface JobStore {
  /** Writes the whole record (create or replace). */
  put(job: Job): Promise<void>;
  get(id: string): Promise<Job | undefined>;
  /** Every job, newest first. */
  list(): Promise<Job[]>;
  /** Releases connections, if it holds any. */
  close?(): Promise<void>;
}

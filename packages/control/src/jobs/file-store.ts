/**
 * Job records as one JSON file per job, written to a temporary file, flushed and renamed over the
 * old one: a crash leaves either the old record or the new one, never half of either. Records are
 * validated when read back; a file that does not parse is reported by name, not skipped.
 */
import { randomBytes } from 'node:crypto';
import { open, mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { jobSchema, type Job } from './job.js';
import type { JobStore } from './store.js';

const idSchema = z.uuid();

export class FileJobStore implements JobStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async put(job: Job): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const file = this.#file(job.id);
    // Unique per write: two writers of one record never share a temporary file.
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(job)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  }

  async get(id: string): Promise<Job | undefined> {
    if (!idSchema.safeParse(id).success) return undefined;
    let text: string;
    try {
      text = await readFile(this.#file(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const parsed = jobSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(`job record ${this.#file(id)} is not valid: ${parsed.error.message}`);
    }
    return parsed.data;
  }

  async list(): Promise<Job[]> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
    const jobs = await Promise.all(ids.map((id) => this.get(id)));
    return jobs
      .filter((j): j is Job => j !== undefined)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  #file(id: string): string {
    // Ids are UUIDs (checked by the caller's schema), so this never leaves the directory.
    return path.join(this.#dir, `${idSchema.parse(id)}.json`);
  }
}

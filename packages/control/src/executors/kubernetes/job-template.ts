/**
 * The training Job template (deploy/k8s/training-job-template.yaml, mounted from a ConfigMap)
 * and how one job fills it, as its header comment says: `metadata.name` becomes
 * `champion-<kind>-<job id>`, the label champion.dev/job-id is added to the Job and its pod,
 * and the `train` container's args become `--json <the job's arguments>`. Everything else
 * (image, resources, security, volumes) is left exactly as written.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

export const JOB_ID_LABEL = 'champion.dev/job-id';
export const CONTAINER = 'train';

const labels = z.record(z.string(), z.string());
const templateSchema = z.looseObject({
  apiVersion: z.literal('batch/v1'),
  kind: z.literal('Job'),
  metadata: z.looseObject({ name: z.string(), labels: labels.optional() }),
  spec: z.looseObject({
    template: z.looseObject({
      metadata: z.looseObject({ labels: labels.optional() }).optional(),
      spec: z.looseObject({
        containers: z
          .array(z.looseObject({ name: z.string(), args: z.array(z.string()).optional() }))
          .min(1),
      }),
    }),
  }),
});
export type JobTemplate = z.infer<typeof templateSchema>;

/** Reads and checks the template; says which file and what is wrong. */
export async function loadJobTemplate(file: string): Promise<JobTemplate> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read the Job template ${file} (CHAMPION_K8S_JOB_TEMPLATE): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = templateSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new Error(`the Job template ${file} is not a batch/v1 Job: ${parsed.error.message}`);
  if (!parsed.data.spec.template.spec.containers.some((c) => c.name === CONTAINER)) {
    throw new Error(`the Job template ${file} has no container named '${CONTAINER}'`);
  }
  return parsed.data;
}

/** The Job object for one job: the template with its name, labels and args filled in. */
export function fillJobTemplate(
  template: JobTemplate,
  job: { id: string; kind: string; args: readonly string[] },
): JobTemplate {
  const filled = structuredClone(template);
  filled.metadata.name = `champion-${job.kind}-${job.id}`;
  filled.metadata.labels = { ...filled.metadata.labels, [JOB_ID_LABEL]: job.id };
  const pod = filled.spec.template;
  pod.metadata = { ...pod.metadata, labels: { ...pod.metadata?.labels, [JOB_ID_LABEL]: job.id } };
  pod.spec.containers = pod.spec.containers.map((c) =>
    c.name === CONTAINER ? { ...c, args: ['--json', ...job.args] } : c,
  );
  return filled;
}

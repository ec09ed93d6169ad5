import { z } from 'zod';

/** Environment variables the CLI reads, parsed once at start-up. */
export const cliConfigSchema = z.object({
  /** Minimum level of the JSON logs on stderr. @default 'info' */
  LOG_LEVEL: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
  /** An MLflow server to use instead of the embedded one (later commands). */
  MLFLOW_TRACKING_URI: z.url().optional(),
});

/** The parsed CLI configuration. */
export type CliConfig = z.infer<typeof cliConfigSchema>;

/** Parses the environment; throws a readable error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const parsed = cliConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}. Fix or unset these variables.`);
  }
  return parsed.data;
}

/**
 * Bounds on what an MLflow server can make this client do: how deep and how large a recursive
 * artifact listing may grow, how many pages a listing call follows, how large a JSON answer may be.
 * A server past a bound gets a LIMIT_EXCEEDED error naming the bound, never an endless loop.
 */

/** The bounds; each field's default suits a model registry several times over. */
export interface ClientLimits {
  /** Deepest folder level a recursive artifact listing or download descends to. @default 32 */
  artifactListingDepth: number;
  /** Most entries (files and folders) one recursive listing or download may meet. @default 10000 */
  artifactListingEntries: number;
  /** Most pages one `searchAll` / metric-history call follows. @default 10000 */
  pages: number;
  /** Largest JSON answer read, in bytes (artifact files are streamed, not bounded). @default 67108864 */
  responseBytes: number;
}

/** Defaults of {@link ClientLimits}. */
export const DEFAULT_LIMITS: ClientLimits = {
  artifactListingDepth: 32,
  artifactListingEntries: 10_000,
  pages: 10_000,
  responseBytes: 64 * 1024 * 1024,
};

/** The option path of each limit, for messages telling the user what to raise. */
export function limitOption(key: keyof ClientLimits): string {
  return `MlflowClientOptions.limits.${key}`;
}

/** Fills defaults. */
export function resolveLimits(limits: Partial<ClientLimits> | undefined): ClientLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

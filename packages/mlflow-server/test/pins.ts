/**
 * What "pinned" means for the container and CI files, in one place for their tests: an image
 * by digest with its tag beside it, an action by full commit SHA with its release tag in a comment.
 */

/** `name:tag@sha256:<64 hex>`: the digest decides what runs, the tag tells the reader what it is. */
const IMAGE_BY_DIGEST =
  /^(?:[\w.-]+(?::\d+)?\/)?[\w.-]+(?:\/[\w.-]+)*:\w[\w.-]{0,127}@sha256:[0-9a-f]{64}$/;

/** True when an image reference is pinned by digest and still names its tag. */
export function isPinnedImage(reference: string): boolean {
  return IMAGE_BY_DIGEST.test(reference.trim());
}

/** One `uses:` line of a workflow that is not pinned the way the CI workflow's header asks. */
export interface UnpinnedUse {
  readonly line: number;
  readonly text: string;
}

/** `uses: owner/repo[/path]@<40 hex> # vX[.Y[.Z]]`; a local action (`./...`) has nothing to pin. */
const PINNED_USE =
  /^\s*(?:-\s+)?uses:\s+[\w.-]+\/[\w./-]+@[0-9a-f]{40}\s+#\s+v\d+(?:\.\d+){0,2}\s*$/;
const LOCAL_USE = /^\s*(?:-\s+)?uses:\s+\.\//;
const ANY_USE = /^\s*(?:-\s+)?uses:/;

/** Every `uses:` line of a workflow file that is neither SHA-pinned with a tag comment nor local. */
export function unpinnedUses(workflow: string): UnpinnedUse[] {
  return workflow
    .split(/\r?\n/)
    .map((text, index) => ({ line: index + 1, text }))
    .filter(({ text }) => ANY_USE.test(text) && !LOCAL_USE.test(text) && !PINNED_USE.test(text));
}

/** `owner/repo@ref [# tag]` split into its parts, for comparing versions across files. */
export function parseUse(text: string): { action: string; ref: string; tag: string } | undefined {
  const match = /uses:\s+([\w.-]+\/[\w./-]+)@(\S+)(?:\s+#\s+(\S+))?/.exec(text);
  if (!match) return undefined;
  return { action: match[1] ?? '', ref: match[2] ?? '', tag: match[3] ?? '' };
}

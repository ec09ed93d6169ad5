/** Tags that make a run reproducible: the code version, the command and the data source. */
import { spawnSync } from 'node:child_process';
import { hostname, userInfo } from 'node:os';

function git(args: readonly string[]): string | undefined {
  const out = spawnSync('git', args, { encoding: 'utf8', timeout: 5000 });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

export function whoami(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return hostname();
  }
}

/** MLflow's own system tags (the UI shows them) plus champion's. */
export function runTags(options: { source: string; command: string }): Record<string, string> {
  const tags: Record<string, string> = {
    'mlflow.source.type': 'LOCAL',
    'mlflow.source.name': options.command,
    'mlflow.user': whoami(),
    'champion.data.source': options.source,
  };
  const commit = git(['rev-parse', 'HEAD']);
  if (commit) {
    tags['mlflow.source.git.commit'] = commit;
    const dirty = git(['status', '--porcelain', '--untracked-files=no']);
    if (dirty !== undefined) tags['champion.git.dirty'] = String(dirty.length > 0);
  }
  return tags;
}

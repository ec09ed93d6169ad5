import type { Command } from 'commander';
import type { CommandModule, GlobalOptions } from './types.js';
import { formatTable } from './table.js';
import { withTracking } from '../services/tracking.js';

function when(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(Number(ms)).toISOString().slice(0, 19).replace('T', ' ');
}

/** `champion models list|show`: what the registry holds and which version is champion. */
export const modelsCommand: CommandModule = {
  register(program, context) {
    const models = program.command('models').description('Registered models, versions and aliases');
    models
      .command('list')
      .description('List registered models with their aliases')
      .action(async (_flags: unknown, command: Command) => {
        const { json } = command.optsWithGlobals<GlobalOptions>();
        await withTracking({ env: process.env, logger: context.logger }, async ({ client }) => {
          const all = await client.registry.models.searchAll();
          const rows = all.map((m) => [
            m.name,
            m.aliases.map((a) => `@${a.alias}=v${a.version}`).join(' '),
            m.latest_versions.map((v) => v.version).sort((a, b) => Number(b) - Number(a))[0] ?? '',
            when(m.last_updated_timestamp),
          ]);
          context.output.result({
            json: json === true,
            text:
              all.length === 0
                ? 'no registered models yet: run `champion train`'
                : formatTable(['name', 'aliases', 'latest', 'updated (UTC)'], rows),
            data: {
              event: 'models',
              models: all.map((m) => ({
                name: m.name,
                aliases: m.aliases,
                updated: m.last_updated_timestamp,
              })),
            },
          });
        });
      });
    models
      .command('show')
      .description('Show the versions of a registered model: aliases, learner, gate decisions')
      .argument('<name>', 'registered model name')
      .action(async (name: string, _flags: unknown, command: Command) => {
        const { json } = command.optsWithGlobals<GlobalOptions>();
        await withTracking({ env: process.env, logger: context.logger }, async ({ client }) => {
          const model = await client.registry.models.get(name);
          const versions = await client.registry.versions.searchAll({
            filter: `name = '${name.replace(/'/g, "\\'")}'`,
          });
          versions.sort((a, b) => Number(b.version) - Number(a.version));
          // MLflow's version search leaves `aliases` empty: the registered model's list is the truth.
          const aliasesOf = (version: string): string[] =>
            model.aliases.filter((a) => a.version === version).map((a) => a.alias);
          const tag = (v: (typeof versions)[number], key: string): string =>
            v.tags.find((t) => t.key === key)?.value ?? '';
          const rows = versions.map((v) => [
            v.version,
            aliasesOf(v.version)
              .map((a) => `@${a}`)
              .join(' '),
            tag(v, 'champion.learner'),
            tag(v, 'champion.gate.candidate_roc_auc'),
            tag(v, 'champion.gate.decision'),
            v.status,
            when(v.creation_timestamp),
          ]);
          context.output.result({
            json: json === true,
            text: [
              `${model.name}${model.description ? `: ${model.description}` : ''}`,
              formatTable(
                [
                  'version',
                  'aliases',
                  'learner',
                  'test roc_auc',
                  'gate',
                  'status',
                  'created (UTC)',
                ],
                rows,
              ),
            ].join('\n'),
            data: {
              event: 'model',
              name: model.name,
              aliases: model.aliases,
              versions: versions.map((v) => ({
                version: v.version,
                aliases: aliasesOf(v.version),
                status: v.status,
                source: v.source,
                runId: v.run_id,
                tags: Object.fromEntries(v.tags.map((t) => [t.key, t.value])),
              })),
            },
          });
        });
      });
  },
};

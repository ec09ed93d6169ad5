/** A `postgresql://` store setting: the connection string for `pg`, the schema, a safe label. */
import { InferenceStoreError } from '../errors.js';

export interface PgSetting {
  readonly connectionString: string;
  readonly schema: string;
  /** The URI without its password, for logs and messages. */
  readonly shown: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function isPgUri(setting: string): boolean {
  return /^postgres(ql)?:\/\//i.test(setting);
}

export function parsePgUri(setting: string): PgSetting {
  let url: URL;
  try {
    url = new URL(setting);
  } catch {
    throw new InferenceStoreError({
      code: 'INVALID_SETTING',
      message:
        'CHAMPION_INFERENCE_STORE looks like a PostgreSQL URI but does not parse; expected postgresql://user[:password]@host[:port]/database[?schema=name].',
    });
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!IDENTIFIER.test(schema)) {
    throw new InferenceStoreError({
      code: 'INVALID_SETTING',
      message: `CHAMPION_INFERENCE_STORE: schema ${JSON.stringify(schema)} is not a plain identifier (lower-case letters, digits, _).`,
    });
  }
  url.searchParams.delete('schema');
  const connectionString = url.toString();
  if (url.password !== '') url.password = '***';
  return { connectionString, schema, shown: url.toString() };
}

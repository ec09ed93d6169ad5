// Exits 0 when PostgreSQL answers at argv[2], else prints why and exits 1 (pg-support.ts runs
// it synchronously so a test file can decide to skip before it declares its tests).
import pg from 'pg';

const client = new pg.Client({ connectionString: process.argv[2], connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
} catch (error) {
  process.stdout.write(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

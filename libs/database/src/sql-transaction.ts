import type { Pool, PoolClient } from 'pg';

/** Something that runs SQL: the pool itself, or one connection inside a transaction. */
export type Sql = Pick<PoolClient, 'query'>;

/**
 * Runs `work` in one transaction on a connection of its own: committed when
 * it resolves, rolled back when it throws. A statement running longer than
 * `statementTimeoutMs` is cancelled, which fails the transaction.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (sql: Sql) => Promise<T>,
  { statementTimeoutMs = 60_000 } = {},
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost while checked out (Postgres restarting) is reported
  // here, and fails the statement in flight; unheard, it would end the process.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${Math.round(statementTimeoutMs)}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is closed rather than reused.
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

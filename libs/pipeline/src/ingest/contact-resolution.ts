import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
import type { Sql } from '@svara/database';
import type { ContactRef, NormalizedMessage } from '../normalized-message';
import { inLockOrder, rowsOf, uniqueBy } from './batch-rows';

type IdentityRow = Pick<ContactRef, 'type' | 'scope' | 'value'> & { contactId: string };

const FIND_IDENTITIES = `
  SELECT i.type::text AS type, i.scope, i.value, i."contactId"
  FROM contact_identities i
  JOIN json_to_recordset($1::json) AS k(type text, scope text, value text)
    ON i.type = k.type::"IdentityType" AND i.scope = k.scope AND i.value = k.value`;

// A contact and its identity in one statement (the identity's key check runs
// at its end, when the contact is there).
const CREATE_CONTACTS = `
  WITH d AS (
    SELECT * FROM json_to_recordset($1::json) AS d(contact_id uuid, type text, scope text,
      value text, name text, email text)
  ), contact AS (
    INSERT INTO contacts (id, "displayName", email, "updatedAt")
    SELECT contact_id, name, email, now() FROM d
    ON CONFLICT DO NOTHING
  )
  INSERT INTO contact_identities (id, "contactId", type, scope, value, "displayName")
  SELECT gen_random_uuid(), contact_id, type::"IdentityType", scope, value, name FROM d
  ON CONFLICT DO NOTHING
  RETURNING type::text AS type, scope, value, "contactId"`;

// Contacts get ids derived from their first identity, so two batches that meet
// the same new person at the same moment create one contact, not two.
// (Parsed once: uuid would parse a namespace string on every call.)
const CONTACT_NAMESPACE = parseUuid('6f1c2a4e-8d3b-5e7f-9a0b-1c2d3e4f5a6b');

export const identityKey = (ref: Pick<ContactRef, 'type' | 'scope' | 'value'>) =>
  `${ref.type}\u0000${ref.scope}\u0000${ref.value}`;

/**
 * The contact of each identity the messages name, by identityKey: found, or
 * created with the identity in one statement.
 */
export async function resolveContacts(
  sql: Sql,
  messages: NormalizedMessage[],
): Promise<Map<string, string>> {
  const refs = uniqueBy(
    messages.flatMap((message) => (message.contact ? [message.contact] : [])),
    identityKey,
  );
  if (refs.size === 0) return new Map();
  const find = async (keys: ContactRef[]) =>
    rowsOf<IdentityRow>(sql, FIND_IDENTITIES, [
      JSON.stringify(keys.map(({ type, scope, value }) => ({ type, scope, value }))),
    ]);

  const found = new Map(
    (await find([...refs.values()])).map((row) => [identityKey(row), row.contactId]),
  );
  const missing = [...refs.values()].filter((ref) => !found.has(identityKey(ref)));
  if (missing.length > 0) {
    const rows = inLockOrder(
      missing.map((ref) => ({
        contact_id: uuidv5(identityKey(ref), CONTACT_NAMESPACE),
        type: ref.type,
        scope: ref.scope,
        value: ref.value,
        name: ref.displayName,
        email: ref.email,
      })),
      (row) => row.contact_id,
    );
    const created = await rowsOf<IdentityRow>(sql, CREATE_CONTACTS, [JSON.stringify(rows)]);
    for (const row of created) found.set(identityKey(row), row.contactId);
    // Created meanwhile by a batch that committed first.
    const raced = missing.filter((ref) => !found.has(identityKey(ref)));
    if (raced.length > 0) {
      for (const row of await find(raced)) found.set(identityKey(row), row.contactId);
    }
  }
  return found;
}

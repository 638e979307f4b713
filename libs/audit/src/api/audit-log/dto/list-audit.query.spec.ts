import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AUDIT_ENTITY_TYPES } from '../../../audit-trail.service';
import { ListAuditQuery } from './list-audit.query';

const problems = (query: object) =>
  validateSync(plainToInstance(ListAuditQuery, query)).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('ListAuditQuery', () => {
  it('filters by every entity type the audit log writes', () => {
    expect(AUDIT_ENTITY_TYPES).toEqual(expect.arrayContaining(['retention_run', 'contact']));
    for (const entityType of AUDIT_ENTITY_TYPES) {
      expect(problems({ entityType })).toEqual([]);
    }
  });

  it('refuses an entity type the log never writes, listing the ones it does', () => {
    expect(problems({ entityType: 'password' })).toEqual([
      expect.stringContaining('entityType must be one of: user, team,'),
    ]);
  });
});

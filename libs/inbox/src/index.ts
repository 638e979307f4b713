export { InboxModule } from './inbox.module';
export { SLA_FILTERS, type SlaFilter, ThreadFilter } from './dto/thread-filter';
export { textMatchSql, threadFilterSql } from './thread-filters';
export { prefixTsQuery } from './search-query';
export { canSee, visibleSql, visibleWhere } from './thread-visibility';

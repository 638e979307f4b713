export { InboxModule } from './inbox.module';
export { SLA_FILTERS, type SlaFilter, ThreadFilter } from './dto/thread-filter';
export { inSearchPlan, textMatchSql, threadFilterSql } from './thread-filters';
export { plainSearch, prefixTsQuery } from './search-query';
export { canSee, visibleSql, visibleWhere } from './thread-visibility';

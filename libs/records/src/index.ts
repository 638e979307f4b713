export { RecordsModule } from './records.module';
export { RecordArchiver } from './archive/record-archiver.service';
export { MAX_THREADS_PER_PACKAGE } from './limits';
export {
  type BuiltPackage,
  NothingToPackage,
  RecordPackageBuilder,
  SelectionChanged,
} from './package/record-package.builder';
export { RecordExportQueue } from './exports/record-export-queue.service';
export type {
  RecordDocument,
  RecordMessage,
  RecordPackageHeader,
  RecordThread,
} from './package/record-document';

import type { components } from '../../../api/schema';

type Schemas = components['schemas'];
export type RecordExport = Schemas['RecordExportDto'];
export type RecordExportRequest = Schemas['CreateRecordExportDto'];
export type RecordExportFilter = Schemas['RecordExportFilter'];
export type RecordExportStatus = RecordExport['status'];

export const isUnfinished = (item: RecordExport) =>
  item.status === 'QUEUED' || item.status === 'RUNNING';

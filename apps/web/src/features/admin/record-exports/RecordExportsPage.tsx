import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../../ui/SectionPage';
import { ExportList } from './ExportList';
import { ExportRequestForm } from './ExportRequestForm';
import '../records.css';

/** Record packages (diarium/archive exports): ask for one, follow it, download it. */
export function RecordExportsPage() {
  const { t } = useTranslation();
  return (
    <SectionPage title={t('sections.recordExports')}>
      <p className="muted intro">{t('records.exports.intro')}</p>
      <ExportRequestForm />
      <ExportList />
    </SectionPage>
  );
}

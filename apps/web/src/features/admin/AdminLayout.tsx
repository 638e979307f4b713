import { useTranslation } from 'react-i18next';
import { SectionLayout } from './SectionLayout';
import { adminRoles, adminSections } from './sections';

export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <SectionLayout navLabel={t('sections.adminNav')} groups={adminSections} roles={adminRoles} />
  );
}

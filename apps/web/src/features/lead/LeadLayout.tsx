import { useTranslation } from 'react-i18next';
import { SectionLayout } from '../admin/SectionLayout';
import { leadRoles, leadSections } from '../admin/sections';

export function LeadLayout() {
  const { t } = useTranslation();
  return <SectionLayout navLabel={t('sections.leadNav')} groups={leadSections} roles={leadRoles} />;
}

import { useTranslation } from 'react-i18next';
import { SectionPage } from '../../../ui/SectionPage';
import { useTags } from './queries';
import { TagRow } from './TagRow';

export function TagsPage() {
  const { t } = useTranslation();
  const { data: tags, error, isPending } = useTags();
  return (
    <SectionPage title={t('sections.tags')}>
      <p className="muted">{t('tags.intro')}</p>
      {error && <p className="notice error">{error.message}</p>}
      {isPending && <p className="muted">{t('common.loading')}</p>}
      {tags?.length === 0 && <p className="muted">{t('tags.none')}</p>}
      {tags && tags.length > 0 && (
        <table className="data-table admin-panel">
          <caption className="visually-hidden">{t('sections.tags')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tags.tag')}</th>
              <th scope="col" className="number">
                {t('tags.threads')}
              </th>
              <th scope="col">{t('tags.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <TagRow key={tag.tag} tag={tag.tag} threads={tag.threads} />
            ))}
          </tbody>
        </table>
      )}
    </SectionPage>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { TextField } from '../../../ui/TextField';
import { useRemoveTag, useRenameTag } from './queries';

/** One tag in use: how many threads carry it, renaming it everywhere, removing it. */
export function TagRow({ tag, threads }: { tag: string; threads: number }) {
  const { t } = useTranslation();
  const rename = useRenameTag();
  const remove = useRemoveTag();
  const [name, setName] = useState(tag);
  return (
    <tr>
      <th scope="row">
        <a href={`/?status=any&tag=${encodeURIComponent(tag)}`}>{tag}</a>
      </th>
      <td className="number">{threads}</td>
      <td>
        <div className="row-actions">
          <ConfirmDialog
            trigger={t('tags.rename')}
            title={t('tags.renameTitle', { tag })}
            confirmLabel={t('tags.renameConfirm')}
            tone="primary"
            isPending={rename.isPending}
            error={rename.error?.message}
            onConfirm={(close) =>
              rename.mutate(
                { tag, name },
                {
                  onSuccess: () => {
                    announce(t('tags.renamed', { tag, name }));
                    close();
                  },
                },
              )
            }
          >
            <p>{t('tags.renameBody', { count: threads })}</p>
            <TextField label={t('tags.newName')} value={name} onChange={setName} autoFocus />
          </ConfirmDialog>
          <ConfirmDialog
            trigger={t('tags.remove')}
            title={t('tags.removeTitle', { tag })}
            confirmLabel={t('tags.removeConfirm')}
            isPending={remove.isPending}
            error={remove.error?.message}
            onConfirm={(close) =>
              remove.mutate(tag, {
                onSuccess: () => {
                  announce(t('tags.removed', { tag }));
                  close();
                },
              })
            }
          >
            <p>{t('tags.removeBody', { count: threads })}</p>
          </ConfirmDialog>
        </div>
      </td>
    </tr>
  );
}

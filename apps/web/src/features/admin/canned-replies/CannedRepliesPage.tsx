import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { SectionPage } from '../../../ui/SectionPage';
import { useTeams } from '../teams/queries';
import { CannedReplyEditor } from './CannedReplyEditor';
import { useCannedReplies, useDeleteCannedReply } from './queries';

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

export function CannedRepliesPage() {
  const { t } = useTranslation();
  const { data: replies, error, isPending } = useCannedReplies();
  const teams = useTeams().data ?? [];
  const remove = useDeleteCannedReply();
  const [editing, setEditing] = useState<Editing>(null);
  const edited = editing?.mode === 'edit' ? replies?.find((r) => r.id === editing.id) : undefined;
  const teamName = (id: string | null) =>
    id ? (teams.find((team) => team.id === id)?.name ?? '–') : t('cannedReplies.allTeams');
  return (
    <SectionPage
      title={t('sections.cannedReplies')}
      actions={
        <Button className="button primary" onPress={() => setEditing({ mode: 'new' })}>
          {t('cannedReplies.new')}
        </Button>
      }
    >
      <p className="muted">{t('cannedReplies.intro')}</p>
      {editing && (editing.mode === 'new' || edited) && (
        <CannedReplyEditor
          key={editing.mode === 'edit' ? editing.id : 'new'}
          reply={edited}
          teams={teams}
          onDone={() => setEditing(null)}
        />
      )}
      {error && <p className="notice error">{error.message}</p>}
      {isPending && <p className="muted">{t('common.loading')}</p>}
      {replies?.length === 0 && <p className="muted">{t('cannedReplies.none')}</p>}
      {replies && replies.length > 0 && (
        <table className="data-table admin-panel">
          <caption className="visually-hidden">{t('sections.cannedReplies')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cannedReplies.name')}</th>
              <th scope="col">{t('cannedReplies.team')}</th>
              <th scope="col">{t('cannedReplies.text')}</th>
              <th scope="col">{t('cannedReplies.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {replies.map((reply) => (
              <tr key={reply.id}>
                <th scope="row">{reply.name}</th>
                <td>{teamName(reply.teamId)}</td>
                <td className="canned-text">
                  {reply.text.length > 140 ? `${reply.text.slice(0, 140)}…` : reply.text}
                </td>
                <td>
                  <div className="row-actions">
                    <Button
                      className="button small"
                      aria-label={t('cannedReplies.editNamed', { name: reply.name })}
                      onPress={() => setEditing({ mode: 'edit', id: reply.id })}
                    >
                      {t('cannedReplies.edit')}
                    </Button>
                    <ConfirmDialog
                      trigger={t('cannedReplies.delete')}
                      title={t('cannedReplies.deleteTitle', { name: reply.name })}
                      confirmLabel={t('cannedReplies.deleteConfirm')}
                      isPending={remove.isPending}
                      error={remove.error?.message}
                      onConfirm={(close) =>
                        remove.mutate(reply.id, {
                          onSuccess: () => {
                            announce(t('cannedReplies.deleted', { name: reply.name }));
                            close();
                          },
                        })
                      }
                    >
                      <p>{t('cannedReplies.deleteBody')}</p>
                    </ConfirmDialog>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SectionPage>
  );
}

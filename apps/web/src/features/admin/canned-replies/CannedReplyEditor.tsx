import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CannedReply } from '../../../api/types';
import { announce } from '../../../ui/announce';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import type { Team } from '../teams/types';
import { useSaveCannedReply } from './queries';

const ALL_TEAMS = 'all';

/** Writes a canned reply, for every team or one. */
export function CannedReplyEditor({
  reply,
  teams,
  onDone,
}: {
  reply?: CannedReply;
  teams: Team[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCannedReply();
  const [name, setName] = useState(reply?.name ?? '');
  const [text, setText] = useState(reply?.text ?? '');
  const [teamId, setTeamId] = useState(reply?.teamId ?? ALL_TEAMS);
  const title = reply ? t('cannedReplies.editTitle', { name: reply.name }) : t('cannedReplies.new');
  return (
    <Form
      className="admin-panel"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            id: reply?.id,
            body: { name: name.trim(), text, teamId: teamId === ALL_TEAMS ? null : teamId },
          },
          {
            onSuccess: () => {
              announce(t('cannedReplies.saved', { name: name.trim() }));
              onDone();
            },
          },
        );
      }}
    >
      <h2>{title}</h2>
      <div className="form-grid">
        <TextField label={t('cannedReplies.name')} value={name} onChange={setName} isRequired />
        <SelectField
          label={t('cannedReplies.team')}
          value={teamId}
          options={[
            { id: ALL_TEAMS, name: t('cannedReplies.allTeams') },
            ...teams.map((team) => ({ id: team.id, name: team.name })),
          ]}
          onChange={setTeamId}
        />
      </div>
      <TextField
        label={t('cannedReplies.text')}
        description={t('cannedReplies.textHint')}
        multiline
        rows={6}
        value={text}
        onChange={setText}
        isRequired
      />
      <p className="form-error" role="alert">
        {save.error?.message}
      </p>
      <div className="form-actions">
        <Button type="submit" className="button primary" isPending={save.isPending}>
          {t('cannedReplies.save')}
        </Button>
        <Button className="button" onPress={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}

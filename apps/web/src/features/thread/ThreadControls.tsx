import { useState } from 'react';
import {
  Button,
  Form,
  Input,
  Label,
  Tag,
  TagGroup,
  TagList,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ThreadDetail, ThreadUpdate } from '../../api/types';
import { announce } from '../../ui/announce';
import { SelectField } from '../../ui/SelectField';
import { useMe } from '../auth/session';
import { useDirectory, useUpdateThread } from '../inbox/queries';
import { STATUSES } from '../inbox/search';

const NOBODY = 'none';

/** Status, assignee, team and tags of the open thread (PATCH with the version it is based on). */
export function ThreadControls({ thread }: { thread: ThreadDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const { data: directory } = useDirectory();
  const update = useUpdateThread(thread.id);
  const [tag, setTag] = useState('');

  const change = (patch: Omit<ThreadUpdate, 'version'>, done: string) =>
    update.mutate(
      { version: thread.version, ...patch },
      {
        onSuccess: () => announce(done),
        onError: (error) => announce(t('thread.error.update', { message: error.message })),
      },
    );

  const addTag = () => {
    const value = tag.trim();
    if (!value || thread.tags.includes(value)) return setTag('');
    change({ tags: [...thread.tags, value] }, t('thread.announce.tagAdded', { tag: value }));
    setTag('');
  };

  return (
    <section className="panel controls" aria-label={t('thread.controls')}>
      <SelectField
        label={t('thread.status')}
        value={thread.status}
        options={STATUSES.map((status) => ({ id: status, name: t(`status.${status}`) }))}
        onChange={(status) =>
          status !== thread.status &&
          change(
            { status: status as ThreadDetail['status'] },
            t('thread.announce.status', { status: t(`status.${status}`) }),
          )
        }
      />
      <div className="assign-row">
        <SelectField
          label={t('thread.assignee')}
          value={thread.assigneeId ?? NOBODY}
          options={[
            { id: NOBODY, name: t('thread.assign.nobody') },
            ...(directory?.users.filter((user) => user.active || user.id === thread.assigneeId) ??
              []),
          ]}
          onChange={(id) => {
            const assigneeId = id === NOBODY ? null : id;
            if (assigneeId !== thread.assigneeId)
              change({ assigneeId }, t('thread.announce.assigned'));
          }}
        />
        {thread.assigneeId !== me.id && (
          <Button
            className="button small"
            onPress={() => change({ assigneeId: me.id }, t('thread.announce.assignedToMe'))}
          >
            {t('thread.assign.toMe')}
          </Button>
        )}
      </div>
      <SelectField
        label={t('thread.team')}
        value={thread.teamId ?? NOBODY}
        options={[{ id: NOBODY, name: t('thread.noTeam') }, ...(directory?.teams ?? [])]}
        onChange={(id) => {
          const teamId = id === NOBODY ? null : id;
          if (teamId !== thread.teamId) change({ teamId }, t('thread.announce.team'));
        }}
      />
      <TagGroup
        className="tag-group"
        onRemove={(keys) => {
          const removed = new Set([...keys].map(String));
          change(
            { tags: thread.tags.filter((existing) => !removed.has(existing)) },
            t('thread.announce.tagRemoved'),
          );
        }}
      >
        <Label>{t('thread.tags')}</Label>
        <TagList
          className="tag-list"
          renderEmptyState={() => <span className="muted">{t('thread.noTags')}</span>}
        >
          {thread.tags.map((existing) => (
            <Tag key={existing} id={existing} className="tag" textValue={existing}>
              {existing}
              <Button
                slot="remove"
                className="tag-remove"
                aria-label={t('thread.removeTag', { tag: existing })}
              >
                ×
              </Button>
            </Tag>
          ))}
        </TagList>
      </TagGroup>
      <Form
        className="add-tag"
        onSubmit={(event) => {
          event.preventDefault();
          addTag();
        }}
      >
        <TextField className="field" value={tag} onChange={setTag}>
          <Label>{t('thread.addTag')}</Label>
          <Input />
        </TextField>
        <Button type="submit" className="button small" isDisabled={!tag.trim()}>
          {t('thread.addTagButton')}
        </Button>
      </Form>
      {update.error && (
        <p className="form-error" role="alert">
          {update.error.message}
        </p>
      )}
    </section>
  );
}

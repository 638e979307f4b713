import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Input,
  Label,
  Menu,
  MenuItem,
  MenuTrigger,
  Modal,
  ModalOverlay,
  Popover,
  TextField,
  Toolbar,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { BulkUpdate } from '../../api/types';
import { announce } from '../../ui/announce';
import { useMe } from '../auth/session';
import { useBulkUpdate, useDirectory } from './queries';

/** Assign, tag or close every selected thread with one POST /threads/bulk. */
export function BulkBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const bulk = useBulkUpdate();
  const { data: directory } = useDirectory();
  const [tag, setTag] = useState('');

  const run = (change: Omit<BulkUpdate, 'threadIds'>) =>
    bulk.mutate(
      { threadIds: selected, ...change },
      {
        onSuccess: (result) => {
          announce(
            result.failed.length
              ? t('bulk.partial', { updated: result.updated.length, failed: result.failed.length })
              : t('bulk.done', { count: result.updated.length }),
          );
          onDone();
        },
        onError: (error) => announce(t('bulk.error', { message: error.message })),
      },
    );

  if (selected.length === 0) return null;
  return (
    <Toolbar className="bulk-bar" aria-label={t('bulk.label')}>
      <span className="bulk-count" aria-live="polite">
        {t('bulk.selected', { count: selected.length })}
      </span>
      <Button
        className="button"
        onPress={() => run({ assigneeId: me.id })}
        isPending={bulk.isPending}
      >
        {t('bulk.assignToMe')}
      </Button>
      <MenuTrigger>
        <Button className="button">{t('bulk.assignTo')} ▾</Button>
        <Popover className="popover">
          <Menu
            className="menu"
            aria-label={t('bulk.assignTo')}
            onAction={(key) => run({ assigneeId: key === 'none' ? null : String(key) })}
          >
            <MenuItem id="none" className="menu-item">
              {t('thread.assign.nobody')}
            </MenuItem>
            {(directory?.users ?? [])
              .filter((user) => user.active)
              .map((user) => (
                <MenuItem key={user.id} id={user.id} className="menu-item">
                  {user.name}
                </MenuItem>
              ))}
          </Menu>
        </Popover>
      </MenuTrigger>
      <DialogTrigger>
        <Button className="button">{t('bulk.addTag')}</Button>
        <ModalOverlay className="modal-overlay" isDismissable>
          <Modal className="modal">
            <Dialog className="dialog">
              {({ close }) => (
                <Form
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (!tag.trim()) return;
                    run({ addTags: [tag.trim()] });
                    setTag('');
                    close();
                  }}
                >
                  <Heading slot="title">
                    {t('bulk.addTagTitle', { count: selected.length })}
                  </Heading>
                  <TextField className="field" value={tag} onChange={setTag} isRequired autoFocus>
                    <Label>{t('bulk.tag')}</Label>
                    <Input />
                  </TextField>
                  <div className="dialog-actions">
                    <Button className="button" onPress={close}>
                      {t('common.cancel')}
                    </Button>
                    <Button type="submit" className="button primary">
                      {t('bulk.addTag')}
                    </Button>
                  </div>
                </Form>
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
      <Button className="button" onPress={() => run({ status: 'CLOSED' })}>
        {t('bulk.close')}
      </Button>
      <Button className="button subtle" onPress={onDone}>
        {t('bulk.clear')}
      </Button>
    </Toolbar>
  );
}

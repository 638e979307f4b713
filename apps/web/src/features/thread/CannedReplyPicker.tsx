import { useMemo, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CannedReply } from '../../api/types';
import { useCannedReplies } from './queries';

/** Case- and accent-insensitive "contains", so "atervinning" finds "Återvinning". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterCanned(replies: CannedReply[], query: string): CannedReply[] {
  const wanted = fold(query.trim());
  if (!wanted) return replies;
  return replies.filter(
    (reply) => fold(reply.name).includes(wanted) || fold(reply.text).includes(wanted),
  );
}

/**
 * Opens when "/" is typed at the start of an empty reply: the canned replies,
 * filtered as one types; choosing one puts its text into the reply.
 */
export function CannedReplyPicker({
  onPick,
  onCancel,
}: {
  onPick: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { data: replies = [], isPending } = useCannedReplies(true);
  const [query, setQuery] = useState('');
  const items = useMemo(() => filterCanned(replies, query), [replies, query]);
  return (
    <ComboBox
      className="field canned-picker"
      aria-describedby={undefined}
      inputValue={query}
      onInputChange={setQuery}
      items={items}
      menuTrigger="focus"
      defaultFilter={() => true}
      allowsEmptyCollection
      onSelectionChange={(key) => {
        const reply = replies.find((candidate) => candidate.id === key);
        if (reply) onPick(reply.text);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || (event.key === 'Backspace' && query === '')) onCancel();
      }}
    >
      <Label>{t('composer.canned.label')}</Label>
      <div className="canned-input">
        <span aria-hidden="true" className="slash">
          /
        </span>
        <Input autoFocus placeholder={t('composer.canned.placeholder')} />
      </div>
      <Text slot="description" className="hint">
        {t('composer.canned.hint')}
      </Text>
      <Popover className="popover canned-popover" placement="top start">
        <ListBox
          className="listbox"
          renderEmptyState={() => (
            <p className="muted pad">
              {isPending ? t('common.loading') : t('composer.canned.none')}
            </p>
          )}
        >
          {(reply: CannedReply) => (
            <ListBoxItem id={reply.id} className="listbox-item canned-item" textValue={reply.name}>
              <Text slot="label" className="canned-name">
                {reply.name}
              </Text>
              <Text slot="description" className="canned-text muted">
                {reply.text.slice(0, 120)}
              </Text>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

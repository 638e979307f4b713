import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Label,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Draft, DraftKind } from '../../api/types';
import { announce } from '../../ui/announce';
import { useMe } from '../auth/session';
import { CannedReplyPicker } from './CannedReplyPicker';
import { listenForCompose } from './compose-intent';
import { localDrafts, newerDraft } from './drafts';
import { useSend, useServerDrafts } from './queries';
import { ReplyFilePicker } from './ReplyFilePicker';

export const DRAFT_SAVE_DELAY_MS = 1000;

const saveDraft = (threadId: string, kind: DraftKind, text: string) =>
  api
    .PUT('/api/v1/threads/{id}/drafts/{kind}', {
      params: { path: { id: threadId, kind } },
      body: { text },
    })
    .catch(() => undefined);

/** One tab of the reply box: its text is a draft saved locally at once and on the server within a second. */
function DraftEditor({
  threadId,
  kind,
  serverDraft,
  onTyping,
  textAreaRef,
  acceptsFiles,
}: {
  threadId: string;
  kind: DraftKind;
  serverDraft: Draft | undefined;
  onTyping: () => void;
  textAreaRef: React.RefObject<HTMLTextAreaElement | null>;
  acceptsFiles: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const send = useSend(threadId);
  const [text, setText] = useState(
    () => newerDraft(localDrafts.read(me.id, threadId, kind), serverDraft)?.text ?? '',
  );
  const [picking, setPicking] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);

  const flush = () => {
    if (!pending.current) return;
    clearTimeout(pending.current.timer);
    void saveDraft(threadId, kind, pending.current.text);
    pending.current = null;
  };
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });
  // Leaving the thread saves what is still waiting for its second.
  useEffect(() => () => flushRef.current(), []);

  const change = (next: string) => {
    if (text === '' && next === '/') {
      setPicking(true);
      return;
    }
    setText(next);
    localDrafts.write(me.id, threadId, kind, { text: next, updatedAt: new Date().toISOString() });
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = {
      text: next,
      timer: setTimeout(() => {
        pending.current = null;
        void saveDraft(threadId, kind, next);
      }, DRAFT_SAVE_DELAY_MS),
    };
    if (kind === 'reply') onTyping();
  };

  const submit = () => {
    const body = text.trim();
    if (!body || send.isPending) return;
    send.mutate(
      { kind, text: body, files },
      {
        onSuccess: () => {
          if (pending.current) clearTimeout(pending.current.timer);
          pending.current = null;
          localDrafts.remove(me.id, threadId, kind);
          setText('');
          setFiles([]);
          announce(kind === 'reply' ? t('composer.sent.reply') : t('composer.sent.note'));
        },
      },
    );
  };

  const pick = (canned: string) => {
    setPicking(false);
    change(canned);
    requestAnimationFrame(() => textAreaRef.current?.focus());
  };

  return (
    <div className="draft-editor">
      {picking && (
        <CannedReplyPicker
          onPick={pick}
          onCancel={() => {
            setPicking(false);
            requestAnimationFrame(() => textAreaRef.current?.focus());
          }}
        />
      )}
      <TextField className="field composer-field" value={text} onChange={change}>
        <Label className="visually-hidden">{t(`composer.${kind}.label`)}</Label>
        <TextArea
          ref={textAreaRef}
          className={`composer-text ${kind}`}
          rows={5}
          placeholder={t(`composer.${kind}.placeholder`)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
      </TextField>
      {send.isError && (
        <p className="form-error" role="alert">
          {t('composer.error', { message: send.error.message })}
        </p>
      )}
      {acceptsFiles && <ReplyFilePicker files={files} onChange={setFiles} />}
      <div className="composer-actions">
        <span className="hint muted">{t('composer.hint')}</span>
        <Button
          className="button primary"
          onPress={submit}
          isDisabled={!text.trim()}
          isPending={send.isPending}
        >
          {kind === 'reply' ? t('composer.reply.send') : t('composer.note.send')}
        </Button>
      </div>
    </div>
  );
}

/**
 * Reply and internal note tabs; drafts of both survive reload, expiry and
 * other devices. Replies carry files where the channel sends them (not on
 * public comments).
 */
export function Composer({
  threadId,
  onTyping,
  repliesCarryFiles = true,
}: {
  threadId: string;
  onTyping: () => void;
  repliesCarryFiles?: boolean;
}) {
  const { t } = useTranslation();
  const drafts = useServerDrafts(threadId);
  const [kind, setKind] = useState<DraftKind>('reply');
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(
    () =>
      listenForCompose((wanted) => {
        setKind(wanted);
        requestAnimationFrame(() => (wanted === 'reply' ? replyRef : noteRef).current?.focus());
      }),
    [],
  );

  const serverDraft = (k: DraftKind) => drafts.data?.data.find((draft) => draft.kind === k);
  return (
    <section className="composer" aria-label={t('composer.label')}>
      <Tabs selectedKey={kind} onSelectionChange={(key) => setKind(key as DraftKind)}>
        <TabList className="tab-list" aria-label={t('composer.kind')}>
          <Tab id="reply" className="tab">
            {t('composer.reply.tab')}
          </Tab>
          <Tab id="note" className="tab">
            {t('composer.note.tab')}
          </Tab>
        </TabList>
        {drafts.isPending ? (
          <p className="muted pad">{t('common.loading')}</p>
        ) : (
          (['reply', 'note'] as const).map((k) => (
            <TabPanel key={k} id={k} className="tab-panel" shouldForceMount>
              <DraftEditor
                threadId={threadId}
                kind={k}
                serverDraft={serverDraft(k)}
                onTyping={onTyping}
                textAreaRef={k === 'reply' ? replyRef : noteRef}
                acceptsFiles={k === 'reply' && repliesCarryFiles}
              />
            </TabPanel>
          ))
        )}
      </Tabs>
    </section>
  );
}

import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../../../ui/ChannelIcon';
import { announce } from '../../../ui/announce';
import { formatFull, useLanguage } from '../../../ui/format';
import { SectionPage } from '../../../ui/SectionPage';
import { ChannelActions } from './ChannelActions';
import { ChannelForm } from './ChannelForm';
import { ConnectionResult } from './ConnectionResult';
import { EmbedSnippet } from './EmbedSnippet';
import { HealthBadge, HealthNotes, ProblemText } from './HealthSummary';
import { isPolled } from './health';
import { useChannel, useTestConnection } from './queries';
import type { Channel } from './types';
import './channels.css';

export function ChannelDetailPage({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const channel = useChannel(channelId);
  if (channel.isPending) {
    return (
      <SectionPage title={t('channels.title')}>
        <p className="muted">{t('common.loading')}</p>
      </SectionPage>
    );
  }
  if (channel.isError) {
    return (
      <SectionPage title={t('channels.title')}>
        <p className="notice error" role="alert">
          {t('channels.detail.notFound')}
        </p>
        <Link to="/admin/channels" activeOptions={{ exact: true }}>
          {t('channels.detail.back')}
        </Link>
      </SectionPage>
    );
  }
  return <ChannelDetail channel={channel.data} />;
}

function ChannelDetail({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  // After a save the form starts afresh: typed secrets are gone and show as set.
  const [saves, setSaves] = useState(0);
  return (
    <SectionPage title={channel.name} actions={<ChannelActions channel={channel} />}>
      <p className="channel-crumb">
        <Link to="/admin/channels" activeOptions={{ exact: true }}>
          {t('channels.detail.back')}
        </Link>
        <span className="channel-type">
          <ChannelIcon type={channel.type} />
          {t(`channel.${channel.type}`)}
        </span>
      </p>
      <HealthPanel channel={channel} />
      {channel.type === 'WEB_FORM' && <EmbedSnippet channelId={channel.id} />}
      <section aria-labelledby="settings-heading" className="channel-settings">
        <h2 id="settings-heading">{t('channels.detail.settings')}</h2>
        <ChannelForm
          key={`${channel.id}:${saves}`}
          channel={channel}
          onSaved={() => {
            setSaves((count) => count + 1);
            announce(t('channels.detail.saved'));
          }}
        />
      </section>
    </SectionPage>
  );
}

function HealthPanel({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const test = useTestConnection(channel.id);
  const when = (iso: string | null) =>
    iso ? formatFull(iso, language) : t('channels.detail.none');
  return (
    <section aria-labelledby="health-heading" className="health-panel">
      <h2 id="health-heading">{t('channels.detail.health')}</h2>
      <dl className="health-list">
        <div>
          <dt>{t('channels.detail.status')}</dt>
          <dd className="health-cell">
            <HealthBadge channel={channel} />
            <HealthNotes channel={channel} />
          </dd>
        </div>
        {isPolled(channel) && (
          <>
            <div>
              <dt>{t('channels.detail.lastPoll')}</dt>
              <dd>{when(channel.lastPollAt)}</dd>
            </div>
            <div>
              <dt>{t('channels.detail.lastSuccess')}</dt>
              <dd>{when(channel.lastSuccessAt)}</dd>
            </div>
            <div>
              <dt>{t('channels.detail.lastError')}</dt>
              <dd>
                <ProblemText channel={channel} />
              </dd>
            </div>
          </>
        )}
      </dl>
      {isPolled(channel) && (
        <>
          <div className="form-actions">
            <Button className="button" isPending={test.isPending} onPress={() => test.mutate({})}>
              {t('channels.actions.testStored')}
            </Button>
          </div>
          <ConnectionResult result={test.data} isPending={test.isPending} />
        </>
      )}
    </section>
  );
}

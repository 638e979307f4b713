import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../../../ui/ChannelIcon';
import { formatDateTime, formatFull, useLanguage, useNow } from '../../../ui/format';
import { SectionPage } from '../../../ui/SectionPage';
import { useDirectory } from '../../inbox/queries';
import { ChannelActions } from './ChannelActions';
import { HealthBadge, HealthNotes, ProblemText } from './HealthSummary';
import { isPolled } from './health';
import { useChannels } from './queries';
import type { Channel } from './types';
import './channels.css';

/** Every channel with its health at a glance, and the actions an admin takes from here. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const channels = useChannels();
  return (
    <SectionPage
      title={t('channels.title')}
      actions={
        <Link to="/admin/channels/new" className="button primary">
          {t('channels.add')}
        </Link>
      }
    >
      <p className="muted page-intro">{t('channels.intro')}</p>
      {channels.isPending && <p className="muted">{t('common.loading')}</p>}
      {channels.isError && (
        <p className="notice error" role="alert">
          {t('channels.loadFailed', { message: channels.error.message })}
        </p>
      )}
      {channels.data?.length === 0 && <p>{t('channels.empty')}</p>}
      {channels.data && channels.data.length > 0 && <ChannelTable channels={channels.data} />}
    </SectionPage>
  );
}

function ChannelTable({ channels }: { channels: Channel[] }) {
  const { t } = useTranslation();
  const { teams } = useDirectory();
  return (
    <table className="data-table channel-table">
      <caption className="visually-hidden">{t('channels.list.label')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('channels.list.name')}</th>
          <th scope="col">{t('channels.list.team')}</th>
          <th scope="col">{t('channels.list.status')}</th>
          <th scope="col">{t('channels.list.lastPoll')}</th>
          <th scope="col">{t('channels.list.problem')}</th>
          <th scope="col">{t('channels.list.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {channels.map((channel) => (
          <tr key={channel.id} className={channel.enabled ? undefined : 'channel-off'}>
            <th scope="row" className="channel-name">
              <div className="channel-name-inner">
                <ChannelIcon type={channel.type} />
                <Link to="/admin/channels/$channelId" params={{ channelId: channel.id }}>
                  {channel.name}
                </Link>
              </div>
              <ReplyMailbox channel={channel} channels={channels} />
            </th>
            <td>
              {channel.teamId ? (
                (teams.get(channel.teamId)?.name ?? '')
              ) : (
                <span className="muted">{t('channels.list.noTeam')}</span>
              )}
            </td>
            <td>
              <div className="health-cell">
                <HealthBadge channel={channel} />
                <HealthNotes channel={channel} />
              </div>
            </td>
            <td>
              <LastPoll channel={channel} />
            </td>
            <td>
              <ProblemText channel={channel} />
            </td>
            <td>
              <ChannelActions channel={channel} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The mailbox a web form's replies go out from, when it has one. */
function ReplyMailbox({ channel, channels }: { channel: Channel; channels: Channel[] }) {
  const { t } = useTranslation();
  const mailboxId = channel.type === 'WEB_FORM' ? channel.config.replyChannelId : undefined;
  const mailbox = channels.find((other) => other.id === mailboxId);
  if (!mailbox) return null;
  return (
    <p className="muted channel-note">{t('channels.list.repliesFrom', { name: mailbox.name })}</p>
  );
}

function LastPoll({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  if (!isPolled(channel)) return <span className="muted">{t('channels.list.notPolled')}</span>;
  if (!channel.lastPollAt) return <span className="muted">{t('channels.list.never')}</span>;
  return (
    <time dateTime={channel.lastPollAt} title={formatFull(channel.lastPollAt, language)}>
      {formatDateTime(channel.lastPollAt, language, now)}
    </time>
  );
}

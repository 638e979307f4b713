import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { SectionPage } from '../../../ui/SectionPage';
import { ChannelForm } from './ChannelForm';
import './channels.css';

export function NewChannelPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SectionPage title={t('channels.new.title')}>
      <p>
        <Link to="/admin/channels" activeOptions={{ exact: true }}>
          {t('channels.detail.back')}
        </Link>
      </p>
      <ChannelForm
        onSaved={(channel) => {
          announce(t('channels.new.created', { name: channel.name }));
          void navigate({ to: '/admin/channels/$channelId', params: { channelId: channel.id } });
        }}
      />
    </SectionPage>
  );
}

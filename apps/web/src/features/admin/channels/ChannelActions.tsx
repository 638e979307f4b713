import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { announce } from '../../../ui/announce';
import { isPolled } from './health';
import { usePollChannel, useUpdateChannel } from './queries';
import type { Channel } from './types';

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/** Poll now and enable/disable, with the outcome said aloud. */
export function ChannelActions({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const poll = usePollChannel();
  const update = useUpdateChannel(channel.id);
  const name = channel.name;
  const fail = (error: unknown) =>
    announce(t('channels.actions.failed', { message: messageOf(error) }));

  return (
    <div className="channel-actions">
      {isPolled(channel) && channel.enabled && (
        <Button
          className="button small"
          aria-label={t('channels.actions.pollNowFor', { name })}
          isPending={poll.isPending}
          onPress={() =>
            poll.mutate(channel.id, {
              onSuccess: () => announce(t('channels.actions.pollQueued', { name })),
              onError: fail,
            })
          }
        >
          {t('channels.actions.pollNow')}
        </Button>
      )}
      <Button
        className="button small"
        aria-label={t(
          channel.enabled ? 'channels.actions.disableFor' : 'channels.actions.enableFor',
          {
            name,
          },
        )}
        isPending={update.isPending}
        onPress={() =>
          update.mutate(
            { enabled: !channel.enabled },
            {
              onSuccess: (saved) =>
                announce(
                  t(saved.enabled ? 'channels.actions.enabled' : 'channels.actions.disabled', {
                    name,
                  }),
                ),
              onError: fail,
            },
          )
        }
      >
        {t(channel.enabled ? 'channels.actions.disable' : 'channels.actions.enable')}
      </Button>
      {(poll.error || update.error) && (
        <p className="form-error" role="alert">
          {t('channels.actions.failed', { message: messageOf(poll.error ?? update.error) })}
        </p>
      )}
    </div>
  );
}

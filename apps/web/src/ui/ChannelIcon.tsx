import { useTranslation } from 'react-i18next';
import type { ChannelType } from '../api/types';

const PATHS: Record<ChannelType, string> = {
  EMAIL: 'M2 4h16v12H2z M2 4l8 7 8-7',
  WEB_FORM: 'M3 3h14v14H3z M6 7h8 M6 10h8 M6 13h5',
  FACEBOOK_PAGE:
    'M11 18v-7h2.5l.5-3h-3V6.5c0-.9.3-1.5 1.6-1.5H14V2.4A20 20 0 0 0 12 2.3C9.7 2.3 8 3.7 8 6.2V8H5.5v3H8v7',
  INSTAGRAM:
    'M5 2h10a3 3 0 0 1 3 3v10a3 3 0 0 1-3 3H5a3 3 0 0 1-3-3V5a3 3 0 0 1 3-3z M10 6.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7z M14.5 5h.01',
};

/** The channel as a small icon with its name as the text alternative. */
export function ChannelIcon({ type }: { type: ChannelType }) {
  const { t } = useTranslation();
  return (
    <svg
      className={`channel-icon channel-${type.toLowerCase()}`}
      viewBox="0 0 20 20"
      width="18"
      height="18"
      role="img"
      aria-label={t(`channel.${type}`)}
    >
      <title>{t(`channel.${type}`)}</title>
      <path
        d={PATHS[type]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}

import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../../ui/announce';
import { TextField } from '../../../ui/TextField';

/**
 * The HTML a municipality pastes into its website: a labelled form that posts
 * to the channel's public intake and says thank you without leaving the page.
 */
export function embedSnippet(
  formUrl: string,
  texts: Record<'name' | 'email' | 'subject' | 'message' | 'send' | 'thanks' | 'failed', string>,
): string {
  return `<form class="svara-form" action="${formUrl}" method="post">
  <p><label>${texts.name}<br><input name="name" required maxlength="200" autocomplete="name"></label></p>
  <p><label>${texts.email}<br><input name="email" type="email" required maxlength="320" autocomplete="email"></label></p>
  <p><label>${texts.subject}<br><input name="subject" maxlength="300"></label></p>
  <p><label>${texts.message}<br><textarea name="message" required rows="6" maxlength="20000"></textarea></label></p>
  <p style="position:absolute;left:-10000px" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off"></label></p>
  <p><button type="submit">${texts.send}</button></p>
  <p class="svara-form-status" role="status"></p>
</form>
<script>
document.currentScript.previousElementSibling.addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const status = form.querySelector('.svara-form-status');
  const response = await fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(Object.fromEntries(new FormData(form))),
  }).catch(() => null);
  status.textContent = response && response.ok ? ${JSON.stringify(texts.thanks)} : ${JSON.stringify(texts.failed)};
  if (response && response.ok) form.reset();
});
</script>`;
}

export function EmbedSnippet({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const keys = ['name', 'email', 'subject', 'message', 'send', 'thanks', 'failed'] as const;
  const code = embedSnippet(
    `${location.origin}/api/v1/forms/${channelId}/submissions`,
    Object.fromEntries(keys.map((key) => [key, t(`channels.embed.${key}`)])) as Record<
      (typeof keys)[number],
      string
    >,
  );
  const copy = () =>
    navigator.clipboard.writeText(code).then(
      () => announce(t('channels.embed.copied')),
      () => announce(t('channels.embed.copyFailed')),
    );
  return (
    <section className="embed-snippet" aria-labelledby="embed-heading">
      <h2 id="embed-heading">{t('channels.embed.title')}</h2>
      <p className="muted">{t('channels.embed.intro')}</p>
      <TextField
        label={t('channels.embed.code')}
        value={code}
        isReadOnly
        multiline
        rows={12}
        className="snippet-code"
      />
      <div className="form-actions">
        <Button className="button" onPress={copy}>
          {t('channels.embed.copy')}
        </Button>
      </div>
    </section>
  );
}

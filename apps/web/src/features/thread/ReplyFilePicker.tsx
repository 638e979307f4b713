import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { announce } from '../../ui/announce';
import { formatBytes, useLanguage } from '../../ui/format';

/** The files chosen for a reply: an "Attach files" button and the list, each file removable. */
export function ReplyFilePicker({
  files,
  onChange,
}: {
  files: File[];
  onChange: (files: File[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();

  const add = (chosen: FileList | null) => {
    const added = [...(chosen ?? [])];
    if (added.length === 0) return;
    onChange([...files, ...added]);
    announce(t('composer.files.added', { count: added.length }));
  };
  const remove = (index: number) => {
    const removed = files[index]!;
    onChange(files.filter((_, i) => i !== index));
    announce(t('composer.files.removed', { name: removed.name }));
  };

  return (
    <div className="reply-files">
      {files.length > 0 && (
        <ul className="reply-file-list" aria-label={t('composer.files.list')}>
          {files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}-${index}`}>
              <span className="attachment-name">{file.name}</span>
              <span className="muted">{formatBytes(file.size, language)}</span>
              <Button
                className="button small"
                aria-label={t('composer.files.remove', { name: file.name })}
                onPress={() => remove(index)}
              >
                {t('composer.files.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FileTrigger allowsMultiple onSelect={add}>
        <Button className="button">{t('composer.files.attach')}</Button>
      </FileTrigger>
    </div>
  );
}

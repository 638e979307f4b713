import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../../../api/client';
import { announce } from '../../../ui/announce';
import { SectionPage } from '../../../ui/SectionPage';
import { TextField } from '../../../ui/TextField';
import { ErasureButton } from './ErasureButton';
import { useContactSearch } from './queries';
import type { ContactSearch, ErasureResult } from './types';
import '../records.css';

const given = (value: string) => value.trim() || undefined;

/** A person's data: find their contacts, export what Svara holds, erase it in two steps. */
export function PeoplePage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [identity, setIdentity] = useState('');
  const [search, setSearch] = useState<ContactSearch | null>(null);
  const [formError, setFormError] = useState<string>();
  const [erased, setErased] = useState<ErasureResult | null>(null);
  const contacts = useContactSearch(search);

  const submit = () => {
    const next = { email: given(email), name: given(name), identity: given(identity) };
    if (!next.email && !next.name && !next.identity) {
      setFormError(t('records.people.searchRequired'));
      return;
    }
    setFormError(undefined);
    setErased(null);
    setSearch(next);
  };
  const items = contacts.data?.data ?? [];

  return (
    <SectionPage title={t('sections.people')}>
      <p className="muted intro">{t('records.people.intro')}</p>
      <Form
        role="search"
        aria-label={t('records.people.searchLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="form-grid">
          <TextField
            label={t('records.people.email')}
            type="email"
            value={email}
            onChange={setEmail}
          />
          <TextField
            label={t('records.people.name')}
            description={t('records.people.nameHelp')}
            value={name}
            onChange={setName}
          />
          <TextField
            label={t('records.people.identity')}
            description={t('records.people.identityHelp')}
            value={identity}
            onChange={setIdentity}
          />
        </div>
        {(formError || contacts.error) && (
          <p className="form-error" role="alert">
            {formError ?? contacts.error?.message}
          </p>
        )}
        <div className="form-actions">
          <Button type="submit" className="button primary">
            {t('records.people.search')}
          </Button>
        </div>
      </Form>
      {erased && (
        <p className="notice" role="status">
          {t('records.people.erased', {
            threads: erased.erased.threads,
            messages: erased.erased.messages + erased.erased.messagesInOtherThreads,
          })}
        </p>
      )}
      {contacts.isSuccess && (
        <section className="panel-section" aria-label={t('records.people.results')}>
          <p role="status">{t('records.people.found', { count: items.length })}</p>
          {items.length > 0 && (
            <table className="data-table">
              <caption className="visually-hidden">{t('records.people.results')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('records.people.name')}</th>
                  <th scope="col">{t('records.people.email')}</th>
                  <th scope="col">{t('records.people.identities')}</th>
                  <th scope="col" className="number">
                    {t('records.people.threads')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('records.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((contact) => {
                  const label = contact.displayName ?? contact.email ?? contact.id;
                  return (
                    <tr key={contact.id}>
                      <th scope="row">{contact.displayName ?? t('records.people.noName')}</th>
                      <td>{contact.email}</td>
                      <td>
                        <ul className="plain-list">
                          {contact.identities.map((item) => (
                            <li key={`${item.type}:${item.scope}:${item.value}`}>
                              {t(`records.people.identityTypes.${item.type}`)}: {item.value}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td className="number">{contact.threadCount}</td>
                      <td>
                        <div className="row-actions">
                          <a
                            className="button small"
                            href={`${API_BASE}/contacts/${contact.id}/export/package`}
                            download
                            aria-label={t('records.people.exportNamed', { name: label })}
                          >
                            {t('records.people.export')}
                          </a>
                          <ErasureButton
                            contactId={contact.id}
                            label={label}
                            onErased={(result) => {
                              setErased(result);
                              announce(t('records.people.erasedShort'));
                            }}
                          />
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
      )}
    </SectionPage>
  );
}

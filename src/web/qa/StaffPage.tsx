/** /app/audits/staff: the staff directory, with adding and editing for those who manage audits. */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Field } from '../components/Field.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { LiveStatus, ErrorMessage } from '../components/LiveStatus.tsx';
import { Loadable, Panel } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { Employee } from '../../core/api/qa.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import { messageOf } from './format.ts';
import './qa.css';

interface Draft { name: string; code: string; locationId: string; agentName: string; active: boolean }
const empty: Draft = { name: '', code: '', locationId: '', agentName: '', active: true };

function EmployeeForm({ editing, onSaved, onCancel }: { editing: Employee | null; onSaved: (e: Employee, added: boolean) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const locations = useLoad<LocationsAnswer>('/locations');
  const [draft, setDraft] = useState<Draft>(editing ? { name: editing.name, code: editing.code ?? '', locationId: editing.locationId ?? '', agentName: editing.agentName ?? '', active: editing.active } : empty);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = { name: draft.name, code: draft.code.trim() || null, locationId: draft.locationId || null, agentName: draft.agentName.trim() || null, active: draft.active };
    try {
      const res = editing ? await api.patch<{ employee: Employee }>(`/employees/${editing.id}`, body) : await api.post<{ employee: Employee }>('/employees', body);
      onSaved(res.employee, !editing);
      if (!editing) setDraft(empty);
    } catch (err) {
      const details = (err as { details?: { field?: string } }).details;
      setError({ field: details?.field ?? null, message: t('qa.saveError', { message: messageOf(err) }) });
    }
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  return (
    <form className="qa-form" onSubmit={submit} data-testid="qa-staff-form">
      <Field label={t('qa.staff.name')} error={fieldError('name')}>{(p) => <input {...p} required maxLength={200} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}</Field>
      <div className="qa-row">
        <Field label={t('qa.staff.code')} error={fieldError('code')}>{(p) => <input {...p} maxLength={100} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value })} />}</Field>
        <Field label={t('qa.staff.agent')} error={fieldError('agentName')}>{(p) => <input {...p} maxLength={200} value={draft.agentName} onChange={(e) => setDraft({ ...draft, agentName: e.target.value })} />}</Field>
        <Field label={t('qa.staff.location')} error={fieldError('locationId')}>
          {(p) => (
            <select {...p} value={draft.locationId} onChange={(e) => setDraft({ ...draft, locationId: e.target.value })}>
              <option value="">{t('qa.staff.noLocation')}</option>
              {locations.data?.locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          )}
        </Field>
      </div>
      <label className="qa-choices"><input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />{t('qa.staff.isActive')}</label>
      {error && !error.field && <ErrorMessage message={error.message} />}
      <div className="qa-actions">
        <button type="submit" className="primary">{t('qa.staff.save')}</button>
        {editing && <button type="button" onClick={onCancel}>{t('qa.staff.cancel')}</button>}
      </div>
    </form>
  );
}

export function StaffPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const list = useLoad<{ items: Employee[] }>(`/employees${qs({ q })}`);
  const [editing, setEditing] = useState<Employee | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const manage = can('audit.manage');
  const saved = (e: Employee, added: boolean) => {
    setStatus(t(added ? 'qa.staff.added' : 'qa.staff.updated', { name: e.name }));
    setEditing(null);
    void list.reload();
  };
  return (
    <div className="an-page">
      <PageTitle title={t('qa.staff.title')} />
      <p className="muted">{t('qa.staff.intro')}</p>
      <LiveStatus message={status} kind="success" />
      <Panel id="qa-staff" title={t('qa.staff.title')}>
        <SearchBox initial={q} onSearch={setQ} label={t('qa.staff.search')} buttonLabel={t('qa.review.searchButton')} clearLabel={t('qa.review.clear')} testId="qa-staff-search" />
        <Loadable state={list} height={160}>
          {(data) => data.items.length === 0 ? <EmptyState title={t('qa.staff.empty')} /> : (
            <SupportTable testId="qa-staff-list" caption={t('qa.staff.title')} wide>
              <thead>
                <tr>
                  <th scope="col">{t('qa.staff.col.name')}</th>
                  <th scope="col">{t('qa.staff.col.code')}</th>
                  <th scope="col">{t('qa.staff.col.location')}</th>
                  <th scope="col">{t('qa.staff.col.agent')}</th>
                  <th scope="col">{t('qa.staff.col.active')}</th>
                  {manage && <th scope="col"><span className="visually-hidden">{t('qa.staff.editButton')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row"><Link to={`/app/audits/staff/${e.id}`}><bdi>{e.name}</bdi></Link></th>
                    <td><bdi>{e.code ?? t('qa.none')}</bdi></td>
                    <td><bdi>{e.locationName ?? t('qa.none')}</bdi></td>
                    <td><bdi>{e.agentName ?? t('qa.none')}</bdi></td>
                    <td>{t(e.active ? 'qa.staff.active' : 'qa.staff.inactive')}</td>
                    {manage && <td><button type="button" onClick={() => setEditing(e)} aria-label={t('qa.staff.edit', { name: e.name })}>{t('qa.staff.editButton')}</button></td>}
                  </tr>
                ))}
              </tbody>
            </SupportTable>
          )}
        </Loadable>
      </Panel>
      {manage && (
        <Panel id="qa-staff-edit" title={editing ? t('qa.staff.edit', { name: editing.name }) : t('qa.staff.add')}>
          <EmployeeForm key={editing?.id ?? 'new'} editing={editing} onSaved={saved} onCancel={() => setEditing(null)} />
        </Panel>
      )}
    </div>
  );
}

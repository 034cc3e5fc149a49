/** Case teams: name and members (checkboxes), add and delete. */
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ConfirmButton, Field, LiveStatus } from '../components/index.ts';
import type { Loaded } from '../components/useLoad.ts';
import type { CaseTeam, CaseTeamAnswer, CaseTeamsAnswer } from '../../core/api/caseOps.ts';
import type { UserView } from '../../core/api/users.ts';
import { useSave } from './form.ts';

export const userLabel = (u: Pick<UserView, 'name' | 'email'>) => (u.name ? `${u.name} (${u.email})` : u.email);

export function TeamsSection({ teams, users, onDeleted }: { teams: Loaded<CaseTeamsAnswer>; users: UserView[]; onDeleted: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string | null>(null);
  const [name, setName] = useState('');
  const { error, run } = useSave();
  const list = teams.data!.teams;
  const replace = (team: CaseTeam) => teams.setData({ teams: list.map((x) => (x.id === team.id ? team : x)) });

  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { team } = await api.post<CaseTeamAnswer>('/org/case-teams', { name, memberIds: [] });
      teams.setData({ teams: [...list, team].sort((a, b) => a.name.localeCompare(b.name)) });
      setName('');
      setStatus(t('co.teams.created', { name: team.name }));
    });
  };

  return (
    <section className="card settings-section" aria-labelledby="co-teams-h">
      <h2 id="co-teams-h">{t('co.teams.title')}</h2>
      <p className="muted">{t('co.teams.intro')}</p>
      {list.length === 0 && <p className="muted">{t('co.teams.none')}</p>}
      {list.map((team) => (
        <TeamEditor
          key={team.id} team={team} users={users} onSaved={(x) => { replace(x); setStatus(t('co.saved')); }}
          onDeleted={() => { teams.setData({ teams: list.filter((x) => x.id !== team.id) }); setStatus(t('co.teams.deleted', { name: team.name })); onDeleted(); }}
        />
      ))}
      <form className="co-inline-form" onSubmit={add} noValidate>
        <Field label={t('co.teams.new')} error={error}>
          {(p) => <input {...p} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit" disabled={!name.trim()}>{t('co.teams.add')}</button>
      </form>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

function TeamEditor({ team, users, onSaved, onDeleted }: { team: CaseTeam; users: UserView[]; onSaved: (t: CaseTeam) => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(team.name);
  const [members, setMembers] = useState<string[]>(team.memberIds);
  const { busy, error, run } = useSave();
  const toggle = (id: string) => setMembers((m) => (m.includes(id) ? m.filter((x) => x !== id) : [...m, id]));
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onSaved((await api.patch<CaseTeamAnswer>(`/org/case-teams/${team.id}`, { name, memberIds: members })).team));
  };
  const remove = () =>
    run(async () => {
      await api.delete(`/org/case-teams/${team.id}`);
      onDeleted();
    });
  return (
    <form className="co-team" onSubmit={save} noValidate>
      <Field label={t('co.teams.name')} error={error}>
        {(p) => <input {...p} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t('co.teams.members', { name: team.name })} · {t('co.teams.memberCount', { n: members.length })}</legend>
        <div className="co-members">
          {users.map((u) => (
            <label key={u.id} className="co-check">
              <input type="checkbox" checked={members.includes(u.id)} onChange={() => toggle(u.id)} />
              <span dir="auto">{userLabel(u)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="co-actions">
        <button type="submit" disabled={busy}>{busy ? t('co.saving') : t('co.save')}</button>
        <ConfirmButton label={t('co.teams.delete')} question={t('co.teams.deleteConfirm', { name: team.name })} onConfirm={remove} />
      </div>
    </form>
  );
}

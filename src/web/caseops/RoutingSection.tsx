/**
 * The ordered routing rules: each row's conditions (location subtree, channel, priority; empty: any)
 * and target (a person or a team), moved with Up / Down buttons (focus follows the moved rule),
 * saved together (PUT /org/case-routing).
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ErrorMessage, LiveStatus, useLoad } from '../components/index.ts';
import { CASE_CHANNELS, CASE_PRIORITIES } from '../../core/closedLoop/model.ts';
import type { CaseTeam, LocationBusinessHours, RoutingRuleInput, RoutingRulesAnswer } from '../../core/api/caseOps.ts';
import type { UserView } from '../../core/api/users.ts';
import { userLabel } from './TeamsSection.tsx';
import { useSave } from './form.ts';

interface Row {
  key: number;
  locationId: string;
  channel: string;
  priority: string;
  /** "u:<id>" or "t:<id>" ("" until chosen) */
  target: string;
}

let nextKey = 1;
const toRow = (r: RoutingRuleInput): Row => ({
  key: nextKey++, locationId: r.locationId ?? '', channel: r.channel ?? '', priority: r.priority ?? '',
  target: r.ownerUserId ? `u:${r.ownerUserId}` : r.teamId ? `t:${r.teamId}` : '',
});
const toInput = (r: Row) => ({
  locationId: r.locationId || null, channel: r.channel || null, priority: r.priority || null,
  ownerUserId: r.target.startsWith('u:') ? r.target.slice(2) : null, teamId: r.target.startsWith('t:') ? r.target.slice(2) : null,
});

export function RoutingSection({ locations, users, teams }: { locations: LocationBusinessHours[]; users: UserView[]; teams: CaseTeam[] }) {
  const { t } = useI18n();
  const loaded = useLoad<RoutingRulesAnswer>('/org/case-routing');
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const { busy, error, run } = useSave();
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (loaded.data) setRows(loaded.data.rules.map(toRow));
  }, [loaded.data]);
  useEffect(() => {
    if (!focusAfterMove.current) return;
    document.getElementById(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  });

  const change = (key: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const move = (i: number, by: -1 | 1, button: 'up' | 'down') => {
    const j = i + by;
    setRows((rs) => {
      const copy = [...rs];
      [copy[i], copy[j]] = [copy[j], copy[i]];
      return copy;
    });
    // Keep the focus on the moved rule's same button (or the other one at the ends).
    const target = (j === 0 && button === 'up') || (j === rows.length - 1 && button === 'down') ? (button === 'up' ? 'down' : 'up') : button;
    focusAfterMove.current = `co-rule-${rows[i].key}-${target}`;
    setStatus(t('co.routing.moved', { n: j + 1 }));
    setDirty(true);
  };
  const remove = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setDirty(true);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    void run(async () => {
      loaded.setData(await api.put<RoutingRulesAnswer>('/org/case-routing', { rules: rows.map(toInput) }));
      setDirty(false);
      setStatus(t('co.saved'));
    });
  };

  return (
    <section className="card settings-section" aria-labelledby="co-routing-h">
      <h2 id="co-routing-h">{t('co.routing.title')}</h2>
      <p className="muted">{t('co.routing.intro')}</p>
      <ErrorMessage message={loaded.error ? t('co.error', { message: loaded.error.message }) : null} />
      <form onSubmit={save} noValidate>
        {loaded.data && rows.length === 0 && <p className="muted">{t('co.routing.none')}</p>}
        <ol className="co-rules">
          {rows.map((r, i) => {
            const n = i + 1;
            const id = (f: string) => `co-rule-${r.key}-${f}`;
            return (
              <li key={r.key} className="co-rule">
                <fieldset>
                  <legend>{t('co.routing.rule', { n })}</legend>
                  <div className="co-rule-fields">
                    <AnyOf id={id('loc')} label={t('co.routing.location')} value={r.locationId} onChange={(v) => change(r.key, { locationId: v })}>
                      {locations.map((l) => <option key={l.id} value={l.id}>{`${'\u00a0\u00a0'.repeat(Math.min(l.depth, 6))}${l.name}`}</option>)}
                    </AnyOf>
                    <AnyOf id={id('ch')} label={t('co.routing.channel')} value={r.channel} onChange={(v) => change(r.key, { channel: v })}>
                      {CASE_CHANNELS.map((c) => <option key={c} value={c}>{t(`co.channel.${c}`)}</option>)}
                    </AnyOf>
                    <AnyOf id={id('pr')} label={t('co.routing.priority')} value={r.priority} onChange={(v) => change(r.key, { priority: v })}>
                      {CASE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`co.priority.${p}`)}</option>)}
                    </AnyOf>
                    <div className="field">
                      <label htmlFor={id('to')}>{t('co.routing.target')}</label>
                      <select id={id('to')} value={r.target} required onChange={(e) => change(r.key, { target: e.target.value })}>
                        <option value="" disabled>{t('co.routing.chooseTarget')}</option>
                        <optgroup label={t('co.routing.people')}>
                          {users.map((u) => <option key={u.id} value={`u:${u.id}`}>{userLabel(u)}</option>)}
                        </optgroup>
                        {teams.length > 0 && (
                          <optgroup label={t('co.routing.teams')}>
                            {teams.map((tm) => <option key={tm.id} value={`t:${tm.id}`}>{tm.name}</option>)}
                          </optgroup>
                        )}
                      </select>
                    </div>
                  </div>
                  <div className="co-actions">
                    <button type="button" id={id('up')} className="secondary" disabled={i === 0} aria-label={t('co.routing.up', { n })} onClick={() => move(i, -1, 'up')}>↑</button>
                    <button type="button" id={id('down')} className="secondary" disabled={i === rows.length - 1} aria-label={t('co.routing.down', { n })} onClick={() => move(i, 1, 'down')}>↓</button>
                    <button type="button" className="secondary" onClick={() => remove(r.key)}>{t('co.routing.remove', { n })}</button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="co-actions">
          <button type="button" className="secondary" onClick={() => { setRows((rs) => [...rs, toRow({ locationId: null, channel: null, priority: null, ownerUserId: null, teamId: null })]); setDirty(true); }}>
            {t('co.routing.add')}
          </button>
          <button type="submit" disabled={busy || !loaded.data}>{busy ? t('co.saving') : t('co.save')}</button>
          {dirty && <span className="muted">{t('co.routing.unsaved')}</span>}
        </div>
        <ErrorMessage message={error} />
      </form>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

/** A rule's condition: a labelled select whose empty choice is "any". */
function AnyOf({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('co.any')}</option>
        {children}
      </select>
    </div>
  );
}

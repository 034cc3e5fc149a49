/** Editing one location: rename / recode / change kind, add a child, move under another parent, delete. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ConfirmButton, ErrorMessage, Field, LiveStatus } from '../../components/index.ts';
import { LOCATION_KINDS } from '../../../core/locations/tree.ts';
import type { Location } from '../types.ts';
import { subtreeIds } from './tree.ts';
import type { LocationAnswer } from '../../../core/api/locations.ts';
import { useSession } from '../../shell/session.tsx';
import { LocationHours } from '../../caseops/BusinessHoursSection.tsx';

export function LocationPanel({ location, locations, editable, onChanged }: {
  location: Location;
  locations: Location[];
  editable: boolean;
  /** Reload, then select `selectId` (and expand `expandId`). */
  onChanged(selectId: string | null, expandId?: string | null): Promise<void>;
}) {
  const { t } = useI18n();
  // An admin limited to some locations sets no codes (docs/api.md "Locations"): the field is shown read-only.
  const { me, can } = useSession();
  const codesLocked = me?.locationPaths != null;
  // Business hours (the SLA of cases) belong to whoever configures cases for the whole organisation.
  const hoursEditable = can('case.configure') && me?.locationPaths === null;
  const [name, setName] = useState(location.name);
  const [code, setCode] = useState(location.code ?? '');
  const [kind, setKind] = useState<string>(location.kind);
  const [parentId, setParentId] = useState(location.parentId ?? '');
  const [child, setChild] = useState({ name: '', code: '', kind: 'store' });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const excluded = subtreeIds(locations, location.id);
  const parents = locations.filter((l) => !excluded.has(l.id));

  const run = async (work: () => Promise<void>, done: string) => {
    setError(null);
    try {
      await work();
      setStatus(done);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.patch(`/locations/${location.id}`, { name: name.trim(), ...(codesLocked ? {} : { code: code.trim() || null }), kind });
      await onChanged(location.id);
    }, t('loc.saved'));
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.patch(`/locations/${location.id}`, { parentId });
      await onChanged(location.id, parentId);
    }, t('loc.moved'));
  };
  const addChild = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const res = await api.post<LocationAnswer>('/locations', { parentId: location.id, kind: child.kind, name: child.name.trim(), ...(child.code.trim() ? { code: child.code.trim() } : {}) });
      setChild({ name: '', code: '', kind: child.kind });
      await onChanged(res.location.id, location.id);
    }, t('loc.added'));
  };
  const remove = () =>
    run(async () => {
      await api.delete(`/locations/${location.id}`);
      await onChanged(location.parentId);
    }, t('loc.deleted'));

  const kinds = (value: string, onChange: (v: string) => void) => (p: object) => (
    <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
      {LOCATION_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
    </select>
  );

  return (
    <div className="card location-panel">
      <h2>{location.name}</h2>
      <LiveStatus message={status} kind="success" />
      <ErrorMessage message={error} />
      {!editable && <p className="muted">{t('loc.readOnly')}</p>}
      {editable && (
        <>
          <form className="form" onSubmit={save} aria-labelledby="edit-loc-h">
            <h3 id="edit-loc-h">{t('loc.edit')}</h3>
            <Field label={t('loc.name')}>{(p) => <input {...p} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
            <Field label={t('loc.code')} hint={t(codesLocked ? 'loc.codeLockedHint' : 'loc.codeHint')}>{(p) => <input {...p} dir="ltr" maxLength={64} value={code} readOnly={codesLocked} onChange={(e) => setCode(e.target.value)} />}</Field>
            <Field label={t('loc.kind')}>{kinds(kind, setKind)}</Field>
            <button type="submit">{t('loc.save')}</button>
          </form>
          <form className="form" onSubmit={addChild} aria-labelledby="add-loc-h">
            <h3 id="add-loc-h">{t('loc.addChild', { name: location.name })}</h3>
            <Field label={t('loc.name')}>{(p) => <input {...p} required maxLength={200} value={child.name} onChange={(e) => setChild({ ...child, name: e.target.value })} />}</Field>
            {!codesLocked && <Field label={t('loc.code')} hint={t('loc.codeHint')}>{(p) => <input {...p} dir="ltr" maxLength={64} value={child.code} onChange={(e) => setChild({ ...child, code: e.target.value })} />}</Field>}
            <Field label={t('loc.kind')}>{kinds(child.kind, (v) => setChild({ ...child, kind: v }))}</Field>
            <button type="submit">{t('loc.add')}</button>
          </form>
          {hoursEditable && <LocationHours key={location.id} locationId={location.id} />}
          {location.parentId && (
            <form className="form" onSubmit={move} aria-labelledby="move-loc-h">
              <h3 id="move-loc-h">{t('loc.move')}</h3>
              <Field label={t('loc.newParent')}>
                {(p) => (
                  <select {...p} value={parentId} onChange={(e) => setParentId(e.target.value)}>
                    {parents.map((l) => <option key={l.id} value={l.id}>{`${'— '.repeat(Math.max(0, l.depth))}${l.name}`}</option>)}
                  </select>
                )}
              </Field>
              <button type="submit" disabled={parentId === location.parentId}>{t('loc.moveButton')}</button>
            </form>
          )}
          <div className="danger-zone">
            <h3>{t('loc.delete')}</h3>
            <p className="muted small">{t('loc.deleteHint')}</p>
            <ConfirmButton label={t('loc.delete')} question={t('loc.deleteConfirm', { name: location.name })} onConfirm={remove} />
          </div>
        </>
      )}
    </div>
  );
}

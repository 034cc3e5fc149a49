/** Business hours: the organisation's, and each location's own (or what it inherits). */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Field, LiveStatus, useLoad } from '../components/index.ts';
import type { Loaded } from '../components/useLoad.ts';
import { useSave } from './form.ts';
import type { BusinessHoursAnswer, LocationBusinessHours } from '../../core/api/caseOps.ts';

export function BusinessHoursSection({ hours }: { hours: Loaded<BusinessHoursAnswer> }) {
  const { t } = useI18n();
  const data = hours.data!;
  const [status, setStatus] = useState<string | null>(null);
  return (
    <section className="card settings-section" aria-labelledby="co-hours-h">
      <h2 id="co-hours-h">{t('co.hours.title')}</h2>
      <p className="muted">{t('co.hours.intro')}</p>
      <HoursForm
        label={t('co.hours.org')}
        hint={t('co.hours.hint', { zone: data.timeZone })}
        value={data.businessHours}
        save={(v) => api.put<BusinessHoursAnswer>('/org/business-hours', { businessHours: v })}
        onSaved={(answer) => { hours.setData(answer); setStatus(t('co.saved')); }}
      />
      <h3>{t('co.hours.locations')}</h3>
      {data.locations.length === 0 && <p className="muted">{t('co.hours.noLocations')}</p>}
      <ul className="co-hours-list">
        {data.locations.map((l) => (
          <li key={l.id} style={{ paddingInlineStart: `${Math.min(l.depth, 6) * 1.25}rem` }}>
            <HoursForm
              label={t('co.hours.location', { name: l.name })}
              hint={inherited(l, t)}
              value={l.businessHours}
              compact
              save={(v) => api.put<BusinessHoursAnswer>(`/locations/${l.id}/business-hours`, { businessHours: v })}
              onSaved={(answer) => { hours.setData(answer); setStatus(t('co.hours.savedFor', { name: l.name })); }}
            />
          </li>
        ))}
      </ul>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

/**
 * The business hours of one location, in its edit panel on the Locations page (for those who configure
 * cases): its own hours, or what it inherits.
 */
export function LocationHours({ locationId }: { locationId: string }) {
  const { t } = useI18n();
  const hours = useLoad<BusinessHoursAnswer>('/org/business-hours');
  const [status, setStatus] = useState<string | null>(null);
  const l = hours.data?.locations.find((x) => x.id === locationId);
  if (!l) return null;
  return (
    <section className="form" aria-labelledby="loc-hours-h">
      <h3 id="loc-hours-h">{t('co.hours.title')}</h3>
      <HoursForm
        label={t('co.hours.location', { name: l.name })}
        hint={inherited(l, t)}
        value={l.businessHours}
        save={(v) => api.put<BusinessHoursAnswer>(`/locations/${l.id}/business-hours`, { businessHours: v })}
        onSaved={(answer) => { hours.setData(answer); setStatus(t('co.hours.savedFor', { name: l.name })); }}
      />
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

function inherited(l: LocationBusinessHours, t: ReturnType<typeof useI18n>['t']): string {
  if (l.inheritedFrom === 'self') return t('co.hours.own');
  if (l.inheritedFrom === 'none') return t('co.hours.none');
  if (l.inheritedFrom === 'org') return t('co.hours.fromOrg', { hours: l.effective ?? '' });
  return t('co.hours.fromParent', { hours: l.effective ?? '', name: l.inheritedFrom.name });
}

function HoursForm({ label, hint, value, save, onSaved, compact }: {
  label: string;
  hint: string;
  value: string | null;
  save: (v: string | null) => Promise<BusinessHoursAnswer>;
  onSaved: (a: BusinessHoursAnswer) => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  const { busy, error, run } = useSave();
  useEffect(() => setText(value ?? ''), [value]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onSaved(await save(text.trim() || null)));
  };
  return (
    <form className={`co-hours-form${compact ? ' compact' : ''}`} onSubmit={submit} noValidate>
      <Field label={label} hint={hint} error={error}>
        {(p) => <input {...p} dir="ltr" value={text} maxLength={100} placeholder={compact ? undefined : 'Mon-Fri 09:00-18:00'} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" className={compact ? 'secondary' : undefined} disabled={busy}>{busy ? t('co.saving') : t('co.save')}</button>
    </form>
  );
}

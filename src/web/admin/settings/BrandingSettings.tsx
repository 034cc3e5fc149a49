/**
 * Branding in organisation settings: the accent colour (with a live sample and its contrast) and the logo
 * (PNG or JPEG, checked here for size and type, and again by the server by its bytes).
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorMessage, Field, LiveStatus, useLoad } from '../../components/index.ts';
import { AA_CONTRAST, ACCENT_COLOR_RE, contrastRatio, MAX_LOGO_BYTES, readableTextOn } from '../../../core/branding/branding.ts';
import type { BrandingView } from '../../../core/api/org.ts';

const DEFAULT_ACCENT = '#0b57d0';

export function BrandingSettings() {
  const { t, num } = useI18n();
  // "4.5:1" reads left to right in every language (an isolate keeps it whole in Persian text).
  const ratioText = (r: number) => `\u2066${num(r, 1)}:${num(1, 0)}\u2069`;
  const branding = useLoad<BrandingView>('/org/branding');
  const [accent, setAccent] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [accentError, setAccentError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (branding.data) setAccent(branding.data.accentColor ?? '');
  }, [branding.data]);

  const normalized = accent.trim().toLowerCase();
  const valid = normalized === '' || ACCENT_COLOR_RE.test(normalized);
  const shown = valid && normalized ? normalized : DEFAULT_ACCENT;
  const text = readableTextOn(shown);

  const act = async (work: () => Promise<BrandingView>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      branding.setData(await work());
      setStatus(t('brand.saved'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const saveAccent = () => {
    if (!valid) return setAccentError(t('brand.accentInvalid'));
    setAccentError(null);
    return act(() => api.put<BrandingView>('/org/branding', { accentColor: normalized || null }));
  };

  const upload = (file: File | undefined) => {
    if (!file) return;
    if (fileInput.current) fileInput.current.value = '';
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setError(t('brand.logoType'));
    if (file.size > MAX_LOGO_BYTES) return setError(t('brand.logoTooLarge'));
    return act(() => api.put<BrandingView>('/org/logo', file, { contentType: file.type }));
  };

  return (
    <section className="card settings-section brand-section" aria-labelledby="brand-h">
      <h2 id="brand-h">{t('brand.title')}</h2>
      <p className="muted">{t('brand.help')}</p>
      <ErrorMessage message={branding.error ? t('shell.error', { message: branding.error.message }) : error} />
      <div className="brand-row">
        <Field label={t('brand.accent')} hint={t('brand.accentHint')} error={accentError}>
          {(p) => <input {...p} dir="ltr" value={accent} placeholder={DEFAULT_ACCENT} maxLength={7} onChange={(e) => setAccent(e.target.value)} />}
        </Field>
        <label className="brand-swatch">
          <span className="visually-hidden">{t('brand.accent')}</span>
          <input type="color" value={shown} onChange={(e) => setAccent(e.target.value)} />
        </label>
      </div>
      <p className="brand-sample">
        <span className="brand-sample-button" style={{ background: shown, color: text }}>{t('brand.sample')}</span>{' '}
        <span className="muted small">{t('brand.contrast', { ratio: ratioText(contrastRatio(shown, text)), aa: ratioText(AA_CONTRAST) })}</span>
      </p>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void saveAccent()}>{t('brand.saveAccent')}</button>
        {branding.data?.accentColor && (
          <button type="button" className="secondary" disabled={busy} onClick={() => { setAccent(''); void act(() => api.put<BrandingView>('/org/branding', { accentColor: null })); }}>
            {t('brand.reset')}
          </button>
        )}
      </div>
      <h3>{t('brand.logo')}</h3>
      <p className="muted">{t('brand.logoHint')}</p>
      {branding.data?.logoUrl ? <img className="brand-logo" src={branding.data.logoUrl} alt={t('brand.logoAlt')} /> : <p>{t('brand.noLogo')}</p>}
      <div className="toolbar">
        <label className="button">
          {t('brand.upload')}
          <input ref={fileInput} className="visually-hidden" type="file" accept="image/png,image/jpeg" disabled={busy} onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
        {branding.data?.logoUrl && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act(() => api.delete<BrandingView>('/org/logo'))}>{t('brand.removeLogo')}</button>
        )}
      </div>
      <LiveStatus message={status} kind="success" />
    </section>
  );
}

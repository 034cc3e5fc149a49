/**
 * The live preview beside the editor (issue 17): the draft as respondents would see it, rendered by the respondent
 * page's own code (POST /surveys/preview) in a sandboxed frame, at phone or desktop width, in each survey language
 * (right to left for Persian). It follows the author's typing after a short pause; a draft that cannot be shown
 * leaves the last good preview in place with a note saying what to fix. On narrow screens it is behind a toggle.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import type { SurveyDef } from '../../../core/surveys/types.ts';
import type { SurveyPreviewAnswer } from '../../../core/api/surveyPreview.ts';
import { isLanguage } from '../../../core/i18n/languages.ts';
import { toSurveyInput } from './state.ts';
import { changedQuestionKey, LatestOnly, openAt, PREVIEW_DEBOUNCE_MS } from './livePreview.ts';
import './preview.css';

const WIDTHS = { phone: 390, desktop: 1280 } as const;
type Width = keyof typeof WIDTHS;
/** Side by side with the editor from this viewport width; below it, the preview is behind a toggle. */
const SIDE_BY_SIDE = '(min-width: 1100px)';

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return matches;
}

/** The width of an element, followed as it changes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

interface Shown {
  html: string;
  lang: string;
  /** The question the author changed last: the page opens there. */
  at: string | null;
}

/** Asks for the preview of `survey` in `lang` after each pause in typing; only the latest answer is kept. */
function useLivePreview(survey: SurveyDef, lang: string, enabled: boolean) {
  const { t } = useI18n();
  const [shown, setShown] = useState<Shown | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(new LatestOnly());
  const body = useMemo(() => JSON.stringify({ survey: toSurveyInput(survey), lang }), [survey, lang]);
  // Which question the latest edit touched (kept when an edit elsewhere, e.g. the title, changes none).
  const previous = useRef<SurveyDef['questions'] | null>(null);
  const at = useRef<string | null>(null);
  if (previous.current !== survey.questions) {
    at.current = changedQuestionKey(previous.current, survey.questions) ?? at.current;
    previous.current = survey.questions;
  }
  useEffect(() => {
    if (!enabled) return;
    const n = seq.current.next();
    const startAt = at.current;
    setBusy(true);
    const timer = setTimeout(() => {
      api
        .post<SurveyPreviewAnswer>('/surveys/preview', JSON.parse(body))
        .then((res) => {
          if (!seq.current.isLatest(n)) return;
          setShown({ html: res.html, lang: res.lang, at: startAt });
          setNote(null);
        })
        .catch((err: unknown) => {
          if (!seq.current.isLatest(n)) return;
          const message = err instanceof Error ? err.message : String(err);
          setNote(err instanceof ApiError && err.status === 400 ? t('preview.invalid', { message }) : t('preview.failed', { message }));
        })
        .finally(() => {
          if (seq.current.isLatest(n)) setBusy(false);
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [body, enabled, t]);
  return { shown, note, busy };
}

export function PreviewPane({ survey, activeLang }: { survey: SurveyDef; activeLang: string }) {
  const { t } = useI18n();
  const wide = useMediaQuery(SIDE_BY_SIDE);
  const [open, setOpen] = useState(false);
  const [width, setWidth] = useState<Width>('phone');
  // The preview follows the language being edited, and can be switched on its own.
  const [lang, setLang] = useState(activeLang);
  useEffect(() => setLang(activeLang), [activeLang]);
  const language = survey.languages.includes(lang) ? lang : survey.defaultLanguage;
  const visible = wide || open;
  const { shown, note, busy } = useLivePreview(survey, language, visible);
  const viewportRef = useRef<HTMLDivElement>(null);
  const available = useWidth(viewportRef);
  const frameWidth = WIDTHS[width];
  const scale = available > 0 ? Math.min(1, available / frameWidth) : 1;
  const height = 640;
  const bodyId = useId();
  const headingId = useId();
  const langName = (l: string) => (isLanguage(l) ? t(`lang.${l}` as MessageKey) : l);

  return (
    <section className={`preview-pane${wide ? ' side' : ''}`} aria-labelledby={headingId}>
      <div className="preview-head">
        <h2 id={headingId}>{t('preview.title')}</h2>
        {!wide && (
          <button type="button" className="secondary" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((o) => !o)}>
            {t(open ? 'preview.hide' : 'preview.show')}
          </button>
        )}
      </div>
      <div id={bodyId} hidden={!visible}>
        <div className="toolbar preview-controls">
          <div role="group" aria-label={t('preview.width')} className="segmented">
            {(Object.keys(WIDTHS) as Width[]).map((w) => (
              <button key={w} type="button" className="secondary" aria-pressed={width === w} onClick={() => setWidth(w)}>
                {t(`preview.${w}`)}
              </button>
            ))}
          </div>
          {survey.languages.length > 1 && (
            <label>
              {t('preview.language')}
              <select value={language} onChange={(e) => setLang(e.target.value)}>
                {survey.languages.map((l) => <option key={l} value={l}>{langName(l)}</option>)}
              </select>
            </label>
          )}
        </div>
        <p className="muted small">{t('preview.note')}</p>
        <p className="preview-status" role="status">{busy && !note ? t('preview.updating') : ''}</p>
        {note && <p className="warning-banner preview-note">{note}</p>}
        <div className="preview-viewport" ref={viewportRef} style={{ blockSize: height }}>
          {shown && (
            <iframe
              className="preview-frame"
              sandbox="allow-scripts"
              srcDoc={openAt(shown.html, shown.at)}
              title={t('preview.frameTitle', { lang: langName(shown.lang) })}
              style={{ inlineSize: frameWidth, blockSize: height / scale, transform: `scale(${scale})` }}
            />
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * @module The demo organisation: a retail chain with four regions, twenty stores and a call
 * center. Each store carries a profile (base quality, trend, traffic) so the dashboards tell a story:
 * one store improves month after month, another gets worse.
 */

/** Names, time zone, marked dimensions and logins of the demo organisation. */
export const DEMO_ORG_NAME = 'Sarafan Demo Retail';
/** The chain's brand colour on its survey pages and posters (a dark teal: white button text reads on it). */
export const DEMO_ACCENT_COLOR = '#0f766e';
export const DEMO_TIMEZONE = 'Europe/Moscow';
export const DEMO_DIMENSIONS = ['customer_type', 'age_band', 'segment'] as const;
export const DEMO_OWNER_EMAIL = 'demo@sarafan.local';
export const DEMO_MANAGER_EMAIL = 'manager@sarafan.local';
export const DEMO_ANALYST_EMAIL = 'analyst@sarafan.local';

/** Location kinds the demo uses (a subset of the schema's). */
export type DemoLocationKind = 'company' | 'region' | 'store' | 'call_center' | 'team';

/** How a store's or team's answers behave; latent values shift the score distribution. */
export interface DemoProfile {
  /** Added to every latent satisfaction value (0 = chain average). */
  base: number;
  /** Change of `base` across the whole period (negative = gets worse). */
  trend: number;
  /** Relative share of the chain's responses. */
  traffic: number;
  /** Complaint topics that dominate here (keys of the comment topics). */
  issues: readonly string[];
  /** Language mix of respondents. */
  languages: Readonly<Record<'ru' | 'en' | 'fa', number>>;
}

/** One node of the demo location tree; `key` links children to parents before ids exist. */
export interface DemoLocation {
  key: string;
  kind: DemoLocationKind;
  name: string;
  code: string | null;
  parentKey: string | null;
  profile?: DemoProfile;
}

const RU = { ru: 0.86, en: 0.1, fa: 0.04 } as const;
const FA = { ru: 0.08, en: 0.12, fa: 0.8 } as const;

function store(code: string, name: string, region: string, p: Partial<DemoProfile> = {}): DemoLocation {
  const profile: DemoProfile = { base: 0, trend: 0, traffic: 1, issues: [], languages: region === 'THR' ? FA : RU, ...p };
  return { key: code, kind: 'store', name, code, parentKey: region, profile };
}

/** The improving and the declining store, named so tests and docs can point at them. */
export const IMPROVING_STORE = 'KZN-02';
export const DECLINING_STORE = 'MSK-04';
/** The store the demo location manager is limited to. */
export const MANAGER_STORE = 'MSK-01';

/** All locations, parents before children. */
export const DEMO_LOCATIONS: readonly DemoLocation[] = [
  { key: 'ROOT', kind: 'company', name: DEMO_ORG_NAME, code: 'HQ', parentKey: null },
  { key: 'MSK', kind: 'region', name: 'Москва', code: 'MSK', parentKey: 'ROOT' },
  { key: 'SPB', kind: 'region', name: 'Санкт-Петербург', code: 'SPB', parentKey: 'ROOT' },
  { key: 'KZN', kind: 'region', name: 'Казань', code: 'KZN', parentKey: 'ROOT' },
  { key: 'THR', kind: 'region', name: 'تهران (Тегеран)', code: 'THR', parentKey: 'ROOT' },
  store('MSK-01', 'ТЦ «Авиапарк»', 'MSK', { base: 0.3, traffic: 1.6 }),
  store('MSK-02', 'ТЦ «Европейский»', 'MSK', { base: 0.1, traffic: 1.5, issues: ['queue'] }),
  store('MSK-03', 'Тверская, 15', 'MSK', { base: 0.2, traffic: 1.2 }),
  store('MSK-04', 'ТЦ «Мега Тёплый Стан»', 'MSK', { base: 0.5, trend: -1.5, traffic: 1.3, issues: ['rude_staff', 'queue', 'dirty_fitting'] }),
  store('MSK-05', 'ТРЦ «Океания»', 'MSK', { base: -0.1, traffic: 1.0 }),
  store('MSK-06', 'Митино', 'MSK', { base: 0, traffic: 0.8, issues: ['out_of_stock'] }),
  store('MSK-07', 'Outlet Белая Дача', 'MSK', { base: -0.4, traffic: 0.9, issues: ['dirty_fitting', 'out_of_stock'] }),
  store('SPB-01', 'Невский, 48', 'SPB', { base: 0.5, traffic: 1.4 }),
  store('SPB-02', 'ТРК «Галерея»', 'SPB', { base: 0.2, traffic: 1.3, issues: ['queue'] }),
  store('SPB-03', 'ТРК «Лето»', 'SPB', { base: 0, traffic: 0.9 }),
  store('SPB-04', 'Петроградская', 'SPB', { base: 0.3, traffic: 0.7 }),
  store('SPB-05', 'ТРЦ «Пулково»', 'SPB', { base: -0.3, traffic: 0.8, issues: ['price_mismatch'] }),
  store('KZN-01', 'ТЦ «Кольцо»', 'KZN', { base: 0.2, traffic: 1.0 }),
  store('KZN-02', 'ТРК «Парк Хаус»', 'KZN', { base: -0.3, trend: 2.0, traffic: 0.9, issues: ['rude_staff', 'queue'] }),
  store('KZN-03', 'ул. Баумана', 'KZN', { base: 0.4, traffic: 0.6 }),
  store('KZN-04', 'ТЦ «Мега Казань»', 'KZN', { base: 0, traffic: 0.8, issues: ['out_of_stock'] }),
  store('THR-01', 'پالادیوم', 'THR', { base: 0.3, traffic: 1.1 }),
  store('THR-02', 'ایران‌مال', 'THR', { base: 0.1, traffic: 1.2, issues: ['queue'] }),
  store('THR-03', 'کوروش', 'THR', { base: -0.2, traffic: 0.8, issues: ['price_mismatch'] }),
  store('THR-04', 'تجریش', 'THR', { base: 0.2, traffic: 0.7 }),
  { key: 'CC', kind: 'call_center', name: 'Контакт-центр', code: 'CC', parentKey: 'ROOT' },
  {
    key: 'CC-PHONE', kind: 'team', name: 'Линия 1: телефон', code: 'CC-PHONE', parentKey: 'CC',
    profile: { base: -0.2, trend: 0.3, traffic: 1.2, issues: ['long_hold'], languages: { ru: 0.85, en: 0.07, fa: 0.08 } },
  },
  {
    key: 'CC-CHAT', kind: 'team', name: 'Чат и мессенджеры', code: 'CC-CHAT', parentKey: 'CC',
    profile: { base: 0.3, trend: 0, traffic: 1.0, issues: ['app_crash'], languages: { ru: 0.75, en: 0.13, fa: 0.12 } },
  },
  {
    key: 'CC-MAIL', kind: 'team', name: 'Почта и претензии', code: 'CC-MAIL', parentKey: 'CC',
    profile: { base: -0.6, trend: 0, traffic: 0.6, issues: ['slow_reply', 'refund'], languages: { ru: 0.8, en: 0.12, fa: 0.08 } },
  },
];

/** Stores (with profiles), in declaration order. */
export const demoStores = (): DemoLocation[] => DEMO_LOCATIONS.filter((l) => l.kind === 'store');
/** Call-center teams (with profiles). */
export const demoTeams = (): DemoLocation[] => DEMO_LOCATIONS.filter((l) => l.kind === 'team');

/**
 * @module Demo reviews: what customers wrote about the demo stores on review platforms over the demo's
 * months. Ratings follow each store's profile and trend like its survey answers (the declining store
 * MSK-04 collects worse reviews month by month, the improving KZN-02 better ones), a little more
 * extreme, as public reviews are; texts come from the same comment banks in the reviewer's language.
 * Russian stores are reviewed on Yandex Maps, 2GIS and Google; Tehran stores on Google and Instagram
 * (comments without a rating). Pure and seeded.
 */
import { createRng, scoreFromLatent, type Rng } from './random.ts';
import { demoStores } from './structure.ts';
import { generateComment, ratingGroup } from './comments.ts';
import { reviewDedupeKey } from '../reviews/dedupe.ts';
import type { ReviewDraft } from '../reviews/importRows.ts';

/** A demo review; `location` is the store's code (the loader swaps it for the id). */
export type DemoReview = Omit<ReviewDraft, 'locationId' | 'row'> & { location: string };

const DAY_MS = 86_400_000;
const MOSCOW_OFFSET_MS = 3 * 3_600_000;
/** Reviews per store per month, on average, before the store's traffic. */
const PER_MONTH = 9;

const RU_SOURCES = { yandex_maps: 45, '2gis': 30, google: 25 } as const;
const FA_SOURCES = { google: 60, instagram: 40 } as const;

const AUTHORS = {
  ru: ['Анна К.', 'Дмитрий', 'Мария С.', 'Игорь П.', 'Елена', 'Сергей В.', 'Ольга', 'Алексей', 'Наталья Р.', 'Павел'],
  en: ['John D.', 'Emily', 'Mark T.', 'Sarah', 'Chris W.', 'Laura'],
  fa: ['مریم', 'علی ر.', 'سارا', 'رضا', 'نگار م.', 'حسین'],
} as const;

function url(rng: Rng, source: string): string | null {
  const id = rng.uuid().slice(0, 8);
  if (source === 'yandex_maps') return `https://yandex.ru/maps/org/sarafan/reviews/?review=${id}`;
  if (source === 'google') return `https://maps.google.com/?review=${id}`;
  if (source === 'instagram') return `https://instagram.com/p/${id}`;
  return null; // 2GIS exports carry no link: these de-duplicate by author, day and text
}

/**
 * Yields the demo's reviews, oldest first per store; deterministic for a seed and `now`.
 * @param days the demo period (days before `now`)
 */
export function* generateDemoReviews(opts: { seed: number; now: Date; days: number }): Generator<DemoReview> {
  const rng = createRng(opts.seed ^ 0x5eed_4e71);
  const months = opts.days / 30.4;
  for (const store of demoStores()) {
    const profile = store.profile!;
    const sources = store.parentKey === 'THR' ? FA_SOURCES : RU_SOURCES;
    const count = Math.round(PER_MONTH * months * profile.traffic * (0.8 + 0.4 * rng.next()));
    for (let i = 0; i < count; i++) {
      const back = rng.int(0, opts.days - 1);
      const fraction = 1 - back / opts.days;
      const localDay = Math.floor((opts.now.getTime() + MOSCOW_OFFSET_MS) / DAY_MS) - back;
      const at = Math.min(opts.now.getTime(), localDay * DAY_MS + rng.int(9 * 60, 22 * 60) * 60_000 - MOSCOW_OFFSET_MS);
      const mood = 1.5 + profile.base + profile.trend * (fraction - 0.5) + (new Date(at + MOSCOW_OFFSET_MS).getUTCMonth() === 11 ? -0.3 : 0);
      // Public reviews are more extreme than survey answers: the happy and the angry write.
      const stars = scoreFromLatent(2.6 * (mood - 1.3) + rng.normal(0, 1.5), 1, 5);
      const source = rng.weighted<string>(sources);
      const language = rng.weighted(profile.languages);
      const text = rng.chance(0.85) ? generateComment(rng, { language, group: ratingGroup(stars, 1, 5), context: 'store', issues: profile.issues }) : '';
      const rated = source !== 'instagram';
      if (!rated && !text) continue;
      const author = rng.pick(AUTHORS[language]);
      const publishedAt = new Date(at);
      const link = url(rng, source);
      yield {
        source, externalId: null, url: link, author, rating: rated ? stars : null, ratingScale: rated ? 5 : null, text, language, location: store.key, publishedAt,
        dedupeKey: reviewDedupeKey({ source, externalId: null, url: link, author, day: new Date(at + MOSCOW_OFFSET_MS).toISOString().slice(0, 10), text }),
      };
    }
  }
}

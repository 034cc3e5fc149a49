import { describe, expect, it } from 'vitest';
import { splitNotes, suggestFindings, summariseNotes, type AnalysedSentence } from './notes.ts';

describe('splitNotes', () => {
  it('splits paragraphs, lines and sentence ends, dropping list markers and empty pieces', () => {
    const notes = 'Queues are long. Staff is polite!\nIs parking free? Yes.\r\n\r\n\n- Prices too high\n* e.g. milk\n2) Loved the bakery…  Really.\n\n   \n...';
    expect(splitNotes(notes)).toEqual([
      { text: 'Queues are long.', paragraph: 0 },
      { text: 'Staff is polite!', paragraph: 0 },
      { text: 'Is parking free?', paragraph: 0 },
      { text: 'Yes.', paragraph: 0 },
      { text: 'Prices too high', paragraph: 1 },
      { text: 'e.g. milk', paragraph: 1 },
      { text: 'Loved the bakery…', paragraph: 1 },
      { text: 'Really.', paragraph: 1 },
    ]);
  });

  it('does not split before a lower-case word (abbreviations) and keeps closing quotes with their sentence', () => {
    expect(splitNotes('We saw approx. ten people. She said "never again." Then left.')).toEqual([
      { text: 'We saw approx. ten people.', paragraph: 0 },
      { text: 'She said "never again."', paragraph: 0 },
      { text: 'Then left.', paragraph: 0 },
    ]);
  });

  it('splits Russian and Persian sentences (Persian question mark, no letter case)', () => {
    expect(splitNotes('Очередь на кассе огромная. Персонал вежливый.')).toEqual([
      { text: 'Очередь на кассе огромная.', paragraph: 0 },
      { text: 'Персонал вежливый.', paragraph: 0 },
    ]);
    expect(splitNotes('صف خیلی طولانی بود. چرا قیمت‌ها بالاست؟ کارکنان مودب بودند.')).toEqual([
      { text: 'صف خیلی طولانی بود.', paragraph: 0 },
      { text: 'چرا قیمت‌ها بالاست؟', paragraph: 0 },
      { text: 'کارکنان مودب بودند.', paragraph: 0 },
    ]);
  });

  it('gives nothing for empty or blank notes', () => {
    expect(splitNotes('')).toEqual([]);
    expect(splitNotes(' \n\n \t')).toEqual([]);
  });
});

const s = (text: string, sentiment: AnalysedSentence['sentiment'], themes: string[], paragraph = 0): AnalysedSentence => ({ text, paragraph, sentiment, themes });

describe('summariseNotes', () => {
  it('counts sentiments and themes (sentences per theme, negative ones among them)', () => {
    const sentences = [
      s('a', 'negative', ['waiting_time']),
      s('b', 'negative', ['waiting_time', 'price']),
      s('c', 'positive', ['staff_politeness']),
      s('d', 'neutral', ['price'], 1),
      s('e', 'positive', ['waiting_time'], 1),
      s('f', 'neutral', [], 1),
    ];
    const r = summariseNotes(sentences);
    // 2 negative and 2 positive: a tie, so neutral.
    expect(r.counts).toEqual({ negative: 2, neutral: 2, positive: 2 });
    expect(r.sentiment).toBe('neutral');
    // waiting_time: a, b, e = 3 sentences, 2 negative; price: b, d = 2, 1 negative; staff_politeness: c = 1, 0.
    expect(r.themes).toEqual([
      { id: 'waiting_time', count: 3, negative: 2 },
      { id: 'price', count: 2, negative: 1 },
      { id: 'staff_politeness', count: 1, negative: 0 },
    ]);
    expect(r.sentences).toEqual(sentences);
  });

  it('is negative when negative sentences outnumber positive ones, positive for the reverse; ties by negatives then id', () => {
    expect(summariseNotes([s('a', 'negative', ['x']), s('b', 'neutral', ['y'])]).sentiment).toBe('negative');
    const pos = summariseNotes([s('a', 'positive', ['b_theme']), s('b', 'positive', ['a_theme']), s('c', 'negative', ['c_theme'])]);
    expect(pos.sentiment).toBe('positive');
    // Each theme once: c_theme first (1 negative), then a_theme before b_theme by id.
    expect(pos.themes.map((t) => t.id)).toEqual(['c_theme', 'a_theme', 'b_theme']);
    expect(summariseNotes([]).sentiment).toBe('neutral');
  });

  it('counts a theme listed twice in one sentence once', () => {
    expect(summariseNotes([s('a', 'negative', ['x', 'x'])]).themes).toEqual([{ id: 'x', count: 1, negative: 1 }]);
  });
});

describe('suggestFindings', () => {
  const analysis = {
    sentences: [
      s('Long queue.', 'negative', ['waiting_time']), // 0
      s('Nice staff.', 'positive', ['staff_politeness']), // 1
      s('Pricey and slow.', 'negative', ['price', 'waiting_time']), // 2
      s('Parking is awful.', 'negative', []), // 3
      s('Dirty floor.', 'negative', ['cleanliness']), // 4
      s('Slow tills.', 'negative', ['waiting_time']), // 5
    ],
  };
  it('groups negative sentences by theme, biggest groups first, theme-less last', () => {
    expect(suggestFindings(analysis)).toEqual([
      { theme: 'waiting_time', sentences: [0, 2, 5] },
      { theme: 'cleanliness', sentences: [4] },
      { theme: 'price', sentences: [2] },
      { theme: null, sentences: [3] },
    ]);
  });
  it('leaves out sentences that already are findings', () => {
    expect(suggestFindings(analysis, ['Long queue.', ' Parking is awful. ', 'Dirty floor.'])).toEqual([
      { theme: 'waiting_time', sentences: [2, 5] },
      { theme: 'price', sentences: [2] },
    ]);
    expect(suggestFindings({ sentences: [s('ok', 'positive', [])] })).toEqual([]);
  });
});

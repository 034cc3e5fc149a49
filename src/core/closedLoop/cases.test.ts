import { describe, expect, it } from 'vitest';
import {
  caseMessageId, caseNumberInSubject, compensationLimitOf, compensationRefusal, isFirstActionEvent, isReopen, mentionHandle,
  moveRefusal, parseMentions, replySubject, resolveRefusal, scopesOverlap,
} from './cases.ts';
import { CASE_EVENT_KINDS, CASE_STATUSES, type CaseStatus } from './model.ts';

describe('moveRefusal', () => {
  it('allows exactly these plain moves (resolving has its own action)', () => {
    const allowed: string[] = [];
    for (const from of CASE_STATUSES) for (const to of CASE_STATUSES) if (moveRefusal(from, to) === null) allowed.push(`${from}>${to}`);
    expect(allowed.sort()).toEqual([
      'closed>in_progress',
      'in_progress>closed', 'in_progress>waiting_customer',
      'new>closed', 'new>in_progress', 'new>waiting_customer',
      'resolved>closed', 'resolved>in_progress',
      'waiting_customer>closed', 'waiting_customer>in_progress',
    ]);
  });
  it('names why a move is refused', () => {
    expect(moveRefusal('new', 'new')).toBe('same_status');
    expect(moveRefusal('closed', 'resolved')).toBe('not_allowed');
    expect(moveRefusal('resolved', 'new')).toBe('not_allowed');
    expect(moveRefusal('in_progress', 'resolved')).toBe('resolve_needs_root_cause');
  });
  it('knows a reopen', () => {
    expect(isReopen('resolved', 'in_progress')).toBe(true);
    expect(isReopen('closed', 'in_progress')).toBe(true);
    expect(isReopen('waiting_customer', 'in_progress')).toBe(false);
    expect(isReopen('resolved', 'closed')).toBe(false);
  });
});

describe('resolveRefusal', () => {
  const ok = { rootCauseId: 'rc', controllable: false };
  it('needs a root cause and the controllable flag', () => {
    expect(resolveRefusal('in_progress', ok)).toBeNull();
    expect(resolveRefusal('new', { rootCauseId: null, controllable: true })).toEqual({ field: 'rootCauseId' });
    expect(resolveRefusal('new', { rootCauseId: '', controllable: true })).toEqual({ field: 'rootCauseId' });
    expect(resolveRefusal('new', { rootCauseId: 'rc', controllable: undefined })).toEqual({ field: 'controllable' });
  });
  it('refuses from statuses that cannot move to resolved', () => {
    const refused = (CASE_STATUSES as readonly CaseStatus[]).filter((s) => resolveRefusal(s, ok) !== null);
    expect(refused).toEqual(['resolved', 'closed']);
  });
});

describe('first action', () => {
  it('counts only actions of a person', () => {
    const counted = CASE_EVENT_KINDS.filter((k) => isFirstActionEvent(k, 'u1'));
    expect(counted.sort()).toEqual(['assigned', 'compensation', 'note', 'reply_sent', 'root_cause', 'status']);
    expect(CASE_EVENT_KINDS.filter((k) => isFirstActionEvent(k, null))).toEqual([]);
  });
});

describe('parseMentions', () => {
  const users = [
    { id: 'olga', email: 'Olga@shop.example' },
    { id: 'ivan1', email: 'ivan@shop.example' },
    { id: 'ivan2', email: 'ivan@branch.example' },
    { id: 'reza', email: 'reza.k@shop.example' },
  ];
  it('finds handles and full e-mails, case-insensitively, in order, once each', () => {
    expect(parseMentions('@olga please call, cc @REZA.K and @olga again', users)).toEqual(['olga', 'reza']);
    expect(parseMentions('ask @ivan@branch.example', users)).toEqual(['ivan2']);
  });
  it('drops trailing punctuation', () => {
    expect(parseMentions('thanks @reza.k.', users)).toEqual(['reza']);
    expect(parseMentions('(@olga)', users)).toEqual(['olga']);
  });
  it('ignores ambiguous handles, unknown names and addresses inside words', () => {
    expect(parseMentions('@ivan please', users)).toEqual([]);
    expect(parseMentions('@nobody', users)).toEqual([]);
    expect(parseMentions('write to info@olga', users)).toEqual([]);
    expect(parseMentions('no mention here', users)).toEqual([]);
  });
  it('works next to RTL and Cyrillic text', () => {
    expect(parseMentions('لطفا @olga تماس بگیرد', users)).toEqual(['olga']);
    expect(parseMentions('Коллеги, @reza.k, посмотрите', users)).toEqual(['reza']);
  });
  it('handles are the part before the @', () => {
    expect(mentionHandle('Reza.K@Shop.example')).toBe('reza.k');
    expect(mentionHandle('plain')).toBe('plain');
  });
});

describe('compensation', () => {
  const limits = new Map([['location_manager', 1500], ['admin', 100000]]);
  it('reads limits per role; owners (no row) unlimited, others without a row none', () => {
    expect(compensationLimitOf('location_manager', limits)).toEqual({ kind: 'max', amount: 1500 });
    expect(compensationLimitOf('admin', limits)).toEqual({ kind: 'max', amount: 100000 });
    expect(compensationLimitOf('owner', limits)).toEqual({ kind: 'unlimited' });
    expect(compensationLimitOf('admin', new Map())).toEqual({ kind: 'unlimited' });
    expect(compensationLimitOf('analyst', limits)).toEqual({ kind: 'none' });
    expect(compensationLimitOf('viewer', limits)).toEqual({ kind: 'none' });
  });
  it('holds the limit per case, in cents', () => {
    const max = { kind: 'max', amount: 1500 } as const;
    expect(compensationRefusal(max, 1500, 0)).toBeNull();
    expect(compensationRefusal(max, 1500.01, 0)).toBe('over_limit');
    expect(compensationRefusal(max, 500, 1000)).toBeNull();
    expect(compensationRefusal(max, 500.01, 1000)).toBe('over_limit');
    expect(compensationRefusal({ kind: 'max', amount: 0.3 }, 0.2, 0.1)).toBeNull();
    expect(compensationRefusal({ kind: 'none' }, 1, 0)).toBe('not_allowed');
    expect(compensationRefusal({ kind: 'unlimited' }, 1e9, 1e9)).toBeNull();
  });
});

describe('reply threading', () => {
  it('puts the number mark in the subject once', () => {
    expect(replySubject('', 'Cold coffee', 42)).toBe('Cold coffee [#42]');
    expect(replySubject(null, 'Cold coffee', 42)).toBe('Cold coffee [#42]');
    expect(replySubject('Re: your visit [#42]', 'Cold coffee', 42)).toBe('Re: your visit [#42]');
    expect(replySubject('  Sorry  ', 'Cold coffee', 7)).toBe('Sorry [#7]');
  });
  it('reads the number back', () => {
    expect(caseNumberInSubject('RE: Sorry [#7]')).toBe(7);
    expect(caseNumberInSubject('پاسخ: [#1234] ممنون')).toBe(1234);
    expect(caseNumberInSubject('no number #7')).toBeNull();
  });
  it('builds the Message-ID', () => {
    expect(caseMessageId('c1', 'e2', 'sarafan.example')).toBe('<case-c1-e2@sarafan.example>');
  });
});

describe('scopesOverlap', () => {
  it('is true when either is unrestricted or one subtree holds the other', () => {
    expect(scopesOverlap(null, ['/a/'])).toBe(true);
    expect(scopesOverlap(['/a/'], null)).toBe(true);
    expect(scopesOverlap(['/a/'], ['/a/b/'])).toBe(true);
    expect(scopesOverlap(['/a/b/'], ['/a/'])).toBe(true);
    expect(scopesOverlap(['/a/b/'], ['/a/c/'])).toBe(false);
    expect(scopesOverlap([], ['/a/'])).toBe(false);
  });
});

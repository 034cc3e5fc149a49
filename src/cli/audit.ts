/**
 * @module `sarafan audit score --checklist CHECKLIST.json --visit VISIT.json [--json]`: one visit's audit
 * score from files, without a server (docs/audits.md "Command line"). The checklist is read by the one
 * checklist parser (src/core/audits/checklist.ts) and scored by the one scoring rule
 * (src/core/audits/scoring.ts).
 *
 * Exports: `registerAuditCommand`.
 *
 * Output: a report in the operator's language (score, points, failed critical items, sections, standards);
 * with --json exactly one object {"score","earned","possible","autofail","sections":[{"key","score","earned","possible"}]}.
 * Exit code 2 when a file is missing, is not JSON, or does not fit (the message names the place).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { ChecklistError, parseChecklist, textIn, type ChecklistDefinition } from '../core/audits/checklist.ts';
import { parseVisitAnswers, scoreSummary, scoreVisit, VisitAnswerError, type ScoreParts } from '../core/audits/scoring.ts';
import { cliLanguage, cliText } from './messages.ts';
import { table } from './table.ts';

class UsageError extends Error {}

function readJson(file: string, what: string): unknown {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`${what}: no such file: ${file}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${what} ${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const points = (p: ScoreParts) =>
  p.score === null ? cliText('audit.nothingApplicable') : cliText('audit.scoreOf', { score: p.score / 100, earned: p.earned, possible: p.possible });

function report(definition: ChecklistDefinition, visitFile: string, score: ReturnType<typeof scoreVisit>): string {
  const lang = cliLanguage();
  const lines = [cliText('audit.heading', { checklist: textIn(definition.name, lang), visit: visitFile }), ''];
  lines.push(`${cliText('audit.visitScore')}: ${score.autofail ? cliText('audit.autofail', { earned: score.earned, possible: score.possible }) : points(score)}`);
  if (score.failedCritical.length > 0) lines.push(cliText('audit.failedCritical', { items: score.failedCritical.join(', ') }));
  if (score.unanswered.length > 0) lines.push(cliText('audit.unanswered', { count: score.unanswered.length }));
  const sectionName = new Map(definition.sections.map((s) => [s.key, textIn(s.name, lang)]));
  lines.push('', table([[cliText('audit.section'), cliText('audit.score')], ...score.sections.map((s) => [sectionName.get(s.key) ?? s.key, points(s)])]).trimEnd());
  if (score.standards.length > 0) {
    lines.push('', table([[cliText('audit.standard'), cliText('audit.score')], ...score.standards.map((s) => [s.key, points(s)])]).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function scoreCommand(opts: { checklist: string; visit: string; json?: boolean }): void {
  let definition: ChecklistDefinition;
  try {
    definition = parseChecklist(readJson(opts.checklist, '--checklist'), { bounded: false });
  } catch (err) {
    if (err instanceof ChecklistError) throw new UsageError(`--checklist ${opts.checklist}: ${err.message}`);
    throw err;
  }
  const visit = readJson(opts.visit, '--visit');
  if (typeof visit !== 'object' || visit === null || Array.isArray(visit) || !('answers' in visit)) {
    throw new UsageError(`--visit ${opts.visit}: must be a JSON object {"answers": {"<item key>": "yes" | "no" | "na" | points}}`);
  }
  let answers;
  try {
    answers = parseVisitAnswers(definition, (visit as { answers: unknown }).answers);
  } catch (err) {
    if (err instanceof VisitAnswerError) throw new UsageError(`--visit ${opts.visit}: ${err.message}`);
    throw err;
  }
  const score = scoreVisit(definition, answers);
  process.stdout.write(opts.json ? `${JSON.stringify(scoreSummary(score))}\n` : report(definition, opts.visit, score));
}

/** Registers `sarafan audit`. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('Service-standard audits (mystery shopping); see docs/audits.md');
  audit
    .command('score')
    .description('Score one visit against a checklist: earned / possible with N/A removed, autofail on a failed critical item')
    .requiredOption('--checklist <file>', 'checklist JSON: {"name","sections":[{"key","name","items":[{"key","text","points","critical"?,"standard"?}]}]}')
    .requiredOption('--visit <file>', 'visit JSON: {"answers":{"<item key>": "yes" | "no" | "na" | points earned}}')
    .option('--json', 'print one JSON object instead of a report')
    .action((opts: { checklist: string; visit: string; json?: boolean }) => {
      try {
        scoreCommand(opts);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        process.stderr.write(`sarafan audit score: ${err.message}\n`);
        process.exitCode = 2;
      }
    });
}

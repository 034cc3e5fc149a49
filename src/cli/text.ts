/**
 * @module `sarafan text`: the text analytics pipeline (src/core/nlp) on files and pipes, for analysts and
 * for evaluation (docs/text.md, "Command line"). Each subcommand reads UTF-8 text, one item per line,
 * and writes one JSON object per line; mistakes in the input are reported with line numbers and exit 2.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { SCORE_SCALES } from '../core/nlp/labels.ts';
import { INDUSTRIES } from '../core/nlp/starterThemes.ts';

type Run = typeof import('./textRun.ts');

/** Runs one subcommand's body: its output to stdout, an input mistake to stderr with exit code 2. */
function run<O>(pick: (m: Run) => (opts: O) => string): (opts: O) => Promise<void> {
  return async (opts) => {
    const m = await import('./textRun.ts');
    // A reader that stops early (`| head -1`) closes the pipe: end quietly, as other filters do, not with a stack.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
    try {
      process.stdout.write(pick(m)(opts));
    } catch (err) {
      if (!(err instanceof m.InputError)) throw err;
      process.stderr.write(`sarafan text: ${err.message}\n`);
      process.exitCode = 2;
    }
  };
}

const langOption = () =>
  new Option('--lang <code>', 'language of texts too short to identify (ISO 639-1: ru, fa, en, ...)')
    .default('en')
    .argParser((code) => {
      // It is written into the output as "lang": a name ("english", "RU") would be a wrong value there.
      if (!/^[a-z]{2}$/.test(code)) throw new InvalidArgumentError('use a two-letter ISO 639-1 code in lower case, such as ru, fa or en.');
      return code;
    });
const scaleOption = () => new Option('--scale <scale>', 'first column is a score: nps (0-6 negative, 7-8 neutral, 9-10 positive) or csat5 (1-2, 3, 4-5)').choices(SCORE_SCALES);

export function registerTextCommand(program: Command): void {
  const text = program.command('text').description('Text analytics (ru, fa, en): sentiment, themes, key phrases, frequencies; see docs/text.md');
  text
    .command('train')
    .description('Train a sentiment model from a TSV of "label<TAB>text" (negative/neutral/positive) or, with --scale, "score<TAB>text"')
    .requiredOption('--input <file>', 'labelled TSV file')
    .requiredOption('--out <file>', 'where to write the model (JSON)')
    .addOption(scaleOption())
    .option('--folds <k>', 'cross-validation folds for the reported quality', '5')
    .addOption(langOption())
    .action(run((m) => m.trainCommand));
  text
    .command('sentiment')
    .description('One text per line on stdin -> one {"lang","sentiment","p"} per line (the built-in lexicon without --model)')
    .option('--model <file>', 'a model from "sarafan text train"')
    .addOption(langOption())
    .action(run((m) => m.sentimentCommand));
  text
    .command('themes')
    .description('One text per line on stdin -> one {"lang","themes"} per line; with --discover, suggested themes {"size","words","examples"}')
    .addOption(new Option('--industry <industry>', 'starter themes of one industry (default: all)').choices(INDUSTRIES))
    .option('--dictionary <file>', 'a theme dictionary (JSON) instead of the starter themes')
    .option('--discover', 'suggest new themes (GSDMM topic discovery) instead of matching')
    .option('--k <n>', 'with --discover: at most this many topics', '20')
    .addOption(langOption())
    .action(run((m) => m.themesCommand));
  text
    .command('keyphrases')
    .description('Labelled or scored TSV on stdin -> what negative texts say more than positive ones and vice versa, one {"group","phrase","z",...} per line')
    .addOption(scaleOption())
    .option('--top <n>', 'phrases per group', '20')
    .option('--min-count <n>', 'ignore phrases seen fewer times', '3')
    .addOption(langOption())
    .action(run((m) => m.keyphrasesCommand));
  text
    .command('frequencies')
    .description('One text per line on stdin -> the most frequent words and two-word phrases, one {"term","n","count","docs"} per line')
    .option('--top <n>', 'how many terms', '50')
    .option('--min-count <n>', 'ignore terms seen fewer times', '2')
    .addOption(langOption())
    .action(run((m) => m.frequenciesCommand));
}

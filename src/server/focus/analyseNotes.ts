/**
 * @module A session's notes through the text pipeline (docs/staff.md "Focus groups and key-client debriefs"):
 * split into sentences (src/core/focus/notes.ts), each analysed like a comment (sentiment with the org's model
 * or the lexicon, themes from its dictionary: src/server/text/analyseComments.ts), summed up for the session.
 */
import { splitNotes, summariseNotes, type NotesAnalysis } from '../../core/focus/notes.ts';
import { analysisLanguage, detectLanguage, type AnalysisLanguage } from '../../core/nlp/langid.ts';
import { analyseText, type Analyser } from '../text/analyseComments.ts';

/** The notes' language: the one given, else detected from the notes (English when they cannot tell, or are in another language). */
export function notesLanguage(given: AnalysisLanguage | null, notes: string): AnalysisLanguage {
  return given ?? analysisLanguage(detectLanguage(notes, 'en').lang) ?? 'en';
}

/** The analysis of `notes` (pure given the analyser); short sentences are read in `language`. */
export function analyseNotes(analyser: Analyser, notes: string, language: AnalysisLanguage): NotesAnalysis {
  return summariseNotes(splitNotes(notes).map((s) => {
    const a = analyseText(analyser, s.text, language);
    return { ...s, sentiment: a.sentiment, themes: a.themes };
  }));
}

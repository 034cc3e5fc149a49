/**
 * The respondent page script's share of the survey logic: src/respond/assets.ts bundles this entry (esbuild,
 * minified) in front of enhance.js as the global `svFlow`, so the page runs the server's own flow.ts.
 */
export { pageState } from '../../core/surveys/flow.ts';

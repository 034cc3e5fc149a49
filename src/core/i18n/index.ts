/** The translation layer (see docs/architecture.md "Messages and languages"). */
export * from './languages.ts';
export * from './messages.ts';
export * from './catalogue.ts';

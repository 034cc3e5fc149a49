import type { MessageBundle } from '../i18n.tsx';

export const analyticsMessages: MessageBundle = { en: {}, ru: {}, fa: {} };

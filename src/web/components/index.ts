/** Shared dashboard UI building blocks (forms, statuses, tabs, confirmations). */
import './components.css';
export { PageTitle } from './PageTitle.tsx';
export { Field } from './Field.tsx';
export { LiveStatus, ErrorMessage } from './LiveStatus.tsx';
export { CopyableUrl, CopyButton } from './CopyButton.tsx';
export { EmptyState } from './EmptyState.tsx';
export { Loading } from './Loading.tsx';
export { ConfirmButton } from './ConfirmButton.tsx';
export { Tabs, tabId, panelId } from './Tabs.tsx';
export { StatusBadge } from './StatusBadge.tsx';
export { useLoad } from './useLoad.ts';
